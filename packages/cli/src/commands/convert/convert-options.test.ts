import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { UsageError } from '../../io.js';
import { fingerprintSource, parseConvertArgs } from './convert-options.js';

describe('parseConvertArgs', () => {
  it('defaults: png through the dicom window, frame left to the converter, a worker per core, 300 s a file', () => {
    assert.deepEqual(parseConvertArgs(['a.dcm', 'dir', 'out']), {
      inputs: ['a.dcm', 'dir'], outDir: 'out', fileList: undefined, convert: { format: 'png', window: 'dicom' },
      workers: availableParallelism(), timeoutMs: 300_000, force: false,
    });
  });

  it('takes every option', () => {
    const request = parseConvertArgs(['--format', 'jpeg', '--window', 'vindr', '--size', '1024', '--frame', '2', '--quality', '90', '--workers', '3', '--timeout', '0', '--file-list', 'l.txt', '--force', 'out']);
    assert.deepEqual(request, {
      inputs: [], outDir: 'out', fileList: 'l.txt', convert: { format: 'jpeg', window: 'vindr', size: 1024, frame: 2, quality: 90 },
      workers: 3, timeoutMs: 0, force: true,
    });
  });

  it('no window for png16 and npy, whose values do not go through one', () => {
    assert.deepEqual(parseConvertArgs(['a', 'out', '--format', 'npy']).convert, { format: 'npy' });
    assert.deepEqual(parseConvertArgs(['a', 'out', '--format', 'png16', '--size', '512']).convert, { format: 'png16', size: 512 });
  });

  it('rejects bad values as usage errors', () => {
    for (const args of [['out'], [], ['a', 'out', '--workers', '1.5'], ['a', 'out', '--frame', 'x'], ['a', 'out', '--timeout', '-1'], ['a', 'out', '--size', '']]) {
      assert.throws(() => parseConvertArgs(args), UsageError, args.join(' '));
    }
  });
});

describe('fingerprintSource', () => {
  it('holds the converter version and the options', () => {
    assert.deepEqual(fingerprintSource({ format: 'png', window: 'auto' }), { converter: 2, format: 'png', window: 'auto' });
  });
});
