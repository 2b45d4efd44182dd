import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { ImageError } from './image-error.js';
import { scratchDir } from './internal/test-images.js';
import { renderJob, type RenderJob } from './render-job.js';
import { RenderPool } from './render-pool.js';

const scratch = scratchDir();
after(scratch.remove);

/** A worker that fails on request (see the file). */
const FAILING_RENDER_WORKER_URL = new URL('./internal/failing-render-worker.test-fixture.js', import.meta.url);
const RG1 = sharedFixture('cr', 'RG1_J2KI.dcm');
const small = (): RenderJob => ({ kind: 'pixels', path: sharedFixture('cr', 'CR-MONO1-10-chest.dcm') });
const isImageError = (code: string, message?: RegExp) => (e: unknown) => e instanceof ImageError && e.code === code && (message === undefined || message.test(e.message));

/** A pool closed after the test. */
function pool(options: ConstructorParameters<typeof RenderPool>[0]): RenderPool {
  const p = new RenderPool(options);
  after(() => p.close());
  return p;
}

describe('RenderPool', () => {
  it('renders what renderJob renders in this thread, bytes transferred', async () => {
    const p = pool({ size: 1 });
    const thumbnail: RenderJob = { kind: 'thumbnail', path: RG1, side: 64 };
    const [pixels, png] = await Promise.all([p.run(small()), p.run(thumbnail)]);
    assert.deepEqual(pixels, await renderJob(small()));
    assert.deepEqual(png, await renderJob(thumbnail));
    assert.equal(pixels.byteLength, pixels.buffer.byteLength, 'an ArrayBuffer of its own');
    assert.deepEqual({ ...p.stats, maxBusy: undefined }, { started: 1, failed: 0, jobs: 2, refused: 0, maxBusy: undefined });
  });

  it('runs jobs in parallel, up to its size (as the workers count themselves busy)', async () => {
    const p = pool({ size: 3 });
    const jobs: RenderJob[] = [
      { kind: 'pixels', path: RG1 },
      { kind: 'pixels', path: sharedFixture('cr', 'RG1_JLSN.dcm') },
      { kind: 'thumbnail', path: RG1, side: 256 },
      { kind: 'pixels', path: sharedFixture('cr', 'RG2_J2KI.dcm') },
    ];
    await Promise.all(jobs.map((job) => p.run(job)));
    assert.equal(p.stats.started, 3, 'three workers, the fourth job waited for one');
    assert.ok(p.stats.maxBusy >= 2 && p.stats.maxBusy <= 3, `at most ${p.stats.maxBusy} rendering at once`);
  });

  it('a bad file fails its job with the ImageError; the same worker goes on serving', async () => {
    const p = pool({ size: 1 });
    await assert.rejects(p.run({ kind: 'pixels', path: sharedFixture('edge', 'MR_truncated.dcm') }), isImageError('ERR_IMAGE_PIXELS', /MR_truncated\.dcm: cannot render the pixels/));
    await assert.rejects(p.run({ kind: 'thumbnail', path: join(scratch.dir, 'none.dcm'), side: 8 }), isImageError('ERR_IMAGE_NOT_FOUND'));
    assert.ok((await p.run(small())).length > 0);
    assert.deepEqual([p.stats.started, p.stats.failed], [1, 0]);
  });

  it('a worker that exits or throws fails its job cleanly and is replaced', async () => {
    const p = pool({ size: 1, workerUrl: FAILING_RENDER_WORKER_URL });
    await assert.rejects(p.run({ kind: 'pixels', path: '/x/exit' }), isImageError('ERR_IMAGE_PIXELS', /the render worker stopped: exit code 7/));
    const thrown = p.run({ kind: 'pixels', path: '/x/throw' });
    const queued = p.run(small()); // waits behind the job whose worker dies, then runs in a new one
    await assert.rejects(thrown, isImageError('ERR_IMAGE_PIXELS', /the render worker stopped: thrown outside the job/));
    assert.ok((await queued).length > 0);
    assert.ok((await p.run(small())).length > 0);
    assert.deepEqual([p.stats.started, p.stats.failed], [3, 2]);
  });

  it('a job past the timeout fails and its worker is replaced', async () => {
    const p = pool({ size: 1, timeoutMs: 1000, workerUrl: FAILING_RENDER_WORKER_URL });
    await assert.rejects(p.run({ kind: 'pixels', path: '/x/hang' }), isImageError('ERR_IMAGE_PIXELS', /took longer than 1000 ms/));
    assert.ok((await p.run(small())).length > 0);
    assert.deepEqual([p.stats.started, p.stats.failed], [2, 1]);
  });

  it('bounds its queue: beyond queueLimit waiting jobs, run() refuses with ERR_IMAGE_BUSY', async () => {
    const p = pool({ size: 1, queueLimit: 1 });
    const running = p.run(small());
    const waiting = p.run(small());
    await assert.rejects(p.run(small()), isImageError('ERR_IMAGE_BUSY', /1 images are waiting/));
    await Promise.all([running, waiting]);
    assert.equal(p.stats.refused, 1);
    assert.ok((await p.run(small())).length > 0, 'room again');
  });

  it('close() fails running and waiting jobs with ERR_IMAGE_BUSY, ends the workers and refuses more', async () => {
    const p = new RenderPool({ size: 1 });
    const running = assert.rejects(p.run({ kind: 'pixels', path: RG1 }), isImageError('ERR_IMAGE_BUSY', /closed/));
    const waiting = assert.rejects(p.run(small()), isImageError('ERR_IMAGE_BUSY', /closed/));
    await p.close();
    await Promise.all([running, waiting]);
    await assert.rejects(p.run(small()), isImageError('ERR_IMAGE_BUSY', /closed/));
    assert.equal(p.stats.failed, 0);
    await p.close();
  });

  it('refuses a size below 1', () => {
    assert.throws(() => new RenderPool({ size: 0 }), RangeError);
    assert.throws(() => new RenderPool({ size: 1.5 }), RangeError);
  });
});
