// Our .npy files must load in numpy with the dtype, shape and values we wrote.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP_WITHOUT_REFERENCE, runPythonReference } from '../internal/python-reference.js';
import type { PixelArray } from '../pixel/decoded-frame.js';
import { encodeNpy } from './npy.js';

const CASES: Array<{ name: string; data: PixelArray; shape: number[]; dtype: string }> = [
  { name: 'u8', data: Uint8Array.from([0, 1, 254, 255, 7, 9]), shape: [2, 3], dtype: 'uint8' },
  { name: 'i8', data: Int8Array.from([-128, -1, 0, 127]), shape: [4], dtype: 'int8' },
  { name: 'u16', data: Uint16Array.from([0, 4095, 65535, 300, 2, 1, 0, 8]), shape: [2, 2, 2], dtype: 'uint16' },
  { name: 'i16', data: Int16Array.from([-32768, -2048, 2047, 32767, 0, 1]), shape: [3, 2], dtype: 'int16' },
  { name: 'u32', data: Uint32Array.from([0, 2 ** 32 - 1, 123456789]), shape: [1, 3], dtype: 'uint32' },
  { name: 'i32', data: Int32Array.from([-(2 ** 31), 2 ** 31 - 1, -5]), shape: [3, 1], dtype: 'int32' },
  // A header whose length lands exactly on the 64-byte boundary rule's edge cases.
  { name: 'long-shape', data: new Uint16Array(2 * 3 * 4 * 5), shape: [2, 3, 4, 5], dtype: 'uint16' },
];

const LOAD = `
import json, sys, numpy as np
out = {}
for c in json.load(sys.stdin):
    a = np.load(c['path'])
    out[c['name']] = {'dtype': str(a.dtype), 'shape': list(a.shape), 'values': a.ravel().tolist()}
print(json.dumps(out))
`;

describe('encodeNpy', () => {
  it('writes files numpy.load reads back exactly', { skip: SKIP_WITHOUT_REFERENCE }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-npy-'));
    const cases = CASES.map((c) => {
      const path = join(dir, `${c.name}.npy`);
      writeFileSync(path, encodeNpy(c.data, c.shape));
      return { name: c.name, path };
    });
    const loaded = runPythonReference<Record<string, { dtype: string; shape: number[]; values: number[] }>>(LOAD, cases);
    for (const c of CASES) {
      const got = loaded[c.name]!;
      assert.equal(got.dtype, c.dtype, c.name);
      assert.deepEqual(got.shape, c.shape, c.name);
      assert.deepEqual(got.values, Array.from(c.data, Number), c.name);
    }
  });

  it('pads the header to a multiple of 64 bytes ending in a newline', () => {
    for (const c of CASES) {
      const bytes = encodeNpy(c.data, c.shape);
      const headerLength = bytes[8]! | (bytes[9]! << 8);
      assert.equal((10 + headerLength) % 64, 0, c.name);
      assert.equal(bytes[10 + headerLength - 1], 0x0a, c.name);
    }
  });

  it('rejects a shape that does not match the data', () => {
    assert.throws(() => encodeNpy(new Uint8Array(6), [4, 2]), /does not hold 6 values/);
  });
});
