import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DicomError } from '@cxrlab/dicom';
import { toTaskError } from './task-error.js';

describe('toTaskError', () => {
  it('keeps a DicomError\'s code, reason, file, offset, tag and path', () => {
    const error = new DicomError('ERR_INVALID_LENGTH', 'value length 8192 runs past the end of the data', { file: 'a.dcm', offset: 330, tag: 0x7fe00010, path: '7FE00010' });
    assert.deepEqual(toTaskError(error), {
      code: 'ERR_INVALID_LENGTH', message: error.message, reason: 'value length 8192 runs past the end of the data', file: 'a.dcm', offset: 330, tag: 0x7fe00010, path: '7FE00010',
    });
  });

  it('gives other errors a code: their own (Node system errors) or the fallback', () => {
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/x' });
    assert.deepEqual(toTaskError(enoent), { code: 'ENOENT', message: 'ENOENT: no such file', reason: 'ENOENT: no such file', path: '/x' });
    assert.deepEqual(toTaskError(new RangeError('bad')), { code: 'ERR_TASK_FAILED', message: 'bad', reason: 'bad' });
    assert.deepEqual(toTaskError('a string', 'ERR_X'), { code: 'ERR_X', message: 'a string', reason: 'a string' });
    assert.deepEqual(toTaskError(undefined), { code: 'ERR_TASK_FAILED', message: 'undefined', reason: 'undefined' });
    assert.deepEqual(toTaskError({ code: 42, offset: '7' }), { code: 'ERR_TASK_FAILED', message: '[object Object]', reason: '[object Object]' });
  });
});
