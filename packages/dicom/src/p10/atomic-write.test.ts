import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.js';
import { tempPathFor } from './write.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'cxrlab-atomic-'));

describe('writeFileAtomicSync', () => {
  it('writes bytes and text, replacing an existing file, leaving no temporary file', () => {
    const dir = fresh();
    const path = join(dir, 'a.png');
    writeFileAtomicSync(path, new Uint8Array([1, 2, 3]));
    assert.deepEqual([...readFileSync(path)], [1, 2, 3]);
    writeFileAtomicSync(path, 'text');
    assert.equal(readFileSync(path, 'utf8'), 'text');
    assert.deepEqual(readdirSync(dir), ['a.png']);
  });

  it('creates parent directories when asked', () => {
    const dir = fresh();
    writeFileAtomicSync(join(dir, 'p1', 's1', 'x.npy'), 'x', { mkdir: true });
    assert.equal(readFileSync(join(dir, 'p1', 's1', 'x.npy'), 'utf8'), 'x');
    assert.throws(() => writeFileAtomicSync(join(dir, 'nope', 'x.npy'), 'x'), /ENOENT/);
  });

  it('on failure leaves the old file as it was and no partial file', () => {
    const dir = fresh();
    const path = join(dir, 'out');
    writeFileSync(path, 'old');
    mkdirSync(join(dir, 'blocker'));
    // Renaming a file over a directory fails after the temporary file is written and synced.
    assert.throws(() => writeFileAtomicSync(join(dir, 'blocker'), 'new'), /EISDIR|EEXIST|ENOTEMPTY|EPERM/);
    assert.equal(readFileSync(path, 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir).sort(), ['blocker', 'out']);
    // A view into a larger buffer writes only the view.
    const big = new Uint8Array([9, 9, 1, 2, 9]);
    writeFileAtomicSync(path, big.subarray(2, 4));
    assert.deepEqual([...readFileSync(path)], [1, 2]);
  });

  it('temporary names are hidden, beside the target and distinct', () => {
    const a = tempPathFor('/x/y/out.png');
    assert.match(a, /^\/x\/y\/\.out\.png\.\d+-\d+-[0-9a-f]{8}\.tmp$/);
    assert.notEqual(a, tempPathFor('/x/y/out.png'));
  });
});
