import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runPool, summaryText, uploadPath, uploadSummary, type UploadItem } from './upload-queue.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
  it('never runs more than the concurrency at once, and runs every item once, in order of start', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    await runPool([0, 1, 2, 3, 4, 5, 6], 3, async (item) => {
      started.push(item);
      running++;
      peak = Math.max(peak, running);
      await tick();
      await tick();
      running--;
    });
    assert.equal(peak, 3);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6]);
  });
  it('keeps going when some items fail', async () => {
    const done: number[] = [];
    await runPool([1, 2, 3, 4], 2, async (item) => {
      await tick();
      if (item % 2 === 0) throw new Error('refused');
      done.push(item);
    });
    assert.deepEqual(done.sort(), [1, 3]);
  });
  it('resolves at once for no items', async () => {
    let calls = 0;
    await runPool([], 3, async () => calls++);
    assert.equal(calls, 0);
  });
});

describe('uploadSummary', () => {
  const item = (status: UploadItem['status']): UploadItem => ({ key: 0, name: 'f', size: 1, status });
  it('counts finished files by outcome and says whether uploads are still running', () => {
    const s = uploadSummary([item('added'), item('added'), item('unchanged'), item('failed'), item('uploading'), item('waiting')]);
    assert.deepEqual(s, { total: 6, finished: 4, added: 2, unchanged: 1, failed: 1, active: true });
    assert.equal(summaryText(s), '4 of 6 files done: 2 added, 1 already there, 1 refused or failed.');
    assert.equal(uploadSummary([item('added')]).active, false);
  });
});

describe('uploadPath', () => {
  it('names the split and the file', () => {
    assert.equal(uploadPath('DEMO-TEST', 'test', 'a b.dcm'), '/api/projects/DEMO-TEST/images?split=test&filename=a+b.dcm');
  });
  it('leaves out a file name the server would refuse as too long', () => {
    assert.equal(uploadPath('K', 'train', 'x'.repeat(300)), '/api/projects/K/images?split=train');
  });
});
