import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { failureLine, summaryLine } from './convert-messages.js';

describe('convert messages', () => {
  it('a failure line names the file, the reason, the location and the code', () => {
    assert.equal(
      failureLine({ input: '/d/a.dcm', code: 'ERR_INVALID_LENGTH', reason: 'value length 8192 runs past the end', offset: 330, tag: 0x7fe00010, path: '7FE00010' }),
      'cxrlab convert: /d/a.dcm: value length 8192 runs past the end (at byte 330, reading (7FE0,0010), path 7FE00010) [ERR_INVALID_LENGTH]\n',
    );
    assert.equal(failureLine({ input: 'b', code: 'ERR_TASK_FAILED', reason: 'two\n  lines' }), 'cxrlab convert: b: two lines [ERR_TASK_FAILED]\n');
  });

  it('the summary counts converted, skipped and failed files, the time and the rate of the work done', () => {
    assert.equal(summaryLine({ converted: 12, skipped: 3, failed: 1 }, 4000), 'cxrlab convert: 12 converted, 3 skipped, 1 failed in 4.0 s (3.3 files/s)\n');
    assert.equal(summaryLine({ converted: 15000, skipped: 0, failed: 0 }, 3_723_000), 'cxrlab convert: 15000 converted, 0 skipped, 0 failed in 1:02:03 (4.0 files/s)\n');
    assert.equal(summaryLine({ converted: 0, skipped: 5, failed: 0 }, 0), 'cxrlab convert: 0 converted, 5 skipped, 0 failed in 0.0 s (0.0 files/s)\n');
    assert.match(summaryLine({ converted: 1, skipped: 0, failed: 0 }, 90_000), / in 1:30 /);
  });
});
