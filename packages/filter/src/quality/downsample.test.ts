// downsample: exact box averages, edge blocks cut short, the size limit, and what it refuses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DecodedFrame, PixelArray } from '@cxrlab/imaging';
import { downsample } from './downsample.js';

function frame(rows: number, columns: number, data: PixelArray, samplesPerPixel = 1): DecodedFrame {
  const signed = data instanceof Int16Array || data instanceof Int8Array || data instanceof Int32Array;
  return { rows, columns, samplesPerPixel, bitsStored: 16, signed, photometricInterpretation: 'MONOCHROME2', data };
}

/** Value at (y, x) is y * columns + x. */
function ramp(rows: number, columns: number): Uint16Array {
  return Uint16Array.from({ length: rows * columns }, (_, i) => i);
}

/** The mean of each block, the slow way. */
function reference(rows: number, columns: number, data: PixelArray, f: number): number[] {
  const out: number[] = [];
  for (let by = 0; by < rows; by += f) {
    for (let bx = 0; bx < columns; bx += f) {
      let sum = 0;
      let count = 0;
      for (let y = by; y < Math.min(rows, by + f); y++) {
        for (let x = bx; x < Math.min(columns, bx + f); x++, count++) sum += data[y * columns + x]!;
      }
      out.push(Math.fround(sum / count));
    }
  }
  return out;
}

describe('downsample', () => {
  it('averages 3x3 blocks of a 5x4 image, the edge blocks over the pixels they hold', () => {
    // f = ceil(5 / 2) = 3: blocks rows 0-2 / 3-4, columns 0-2 / 3.
    const g = downsample(frame(5, 4, ramp(5, 4)), 2);
    assert.deepEqual({ width: g.width, height: g.height }, { width: 2, height: 2 });
    assert.deepEqual(Array.from(g.data), [5, 7, 15, 17]);
  });

  it('averages a 3x5 image into two blocks', () => {
    const g = downsample(frame(3, 5, ramp(3, 5)), 2);
    assert.deepEqual({ width: g.width, height: g.height }, { width: 2, height: 1 });
    assert.deepEqual(Array.from(g.data), [6, 8.5]);
  });

  it('matches a block-by-block reference on signed data for every size limit', () => {
    let s = 12345;
    const data = Int16Array.from({ length: 37 * 23 }, () => ((s = (s * 1103515245 + 12345) >>> 0) % 8000) - 4000);
    for (let maxSide = 1; maxSide <= 40; maxSide++) {
      const f = Math.ceil(37 / maxSide);
      const g = downsample(frame(37, 23, data), maxSide);
      assert.equal(g.width, Math.ceil(23 / f));
      assert.equal(g.height, Math.ceil(37 / f));
      assert.ok(Math.max(g.width, g.height) <= maxSide);
      assert.deepEqual(Array.from(g.data), reference(37, 23, data, f), `maxSide ${maxSide}`);
    }
  });

  it('keeps a frame no larger than the limit at full size, and limits the longest side to 256 by default', () => {
    const small = downsample(frame(3, 5, ramp(3, 5)));
    assert.deepEqual(Array.from(small.data), Array.from(ramp(3, 5)));
    const big = downsample(frame(2788, 2446, new Uint16Array(2788 * 2446)));
    assert.deepEqual({ width: big.width, height: big.height }, { width: 223, height: 254 });
  });

  it('refuses colour frames, a bad size limit and short data', () => {
    assert.throws(() => downsample(frame(2, 2, new Uint8Array(12), 3)), RangeError);
    assert.throws(() => downsample(frame(2, 2, new Uint8Array(4)), 0), RangeError);
    assert.throws(() => downsample(frame(2, 2, new Uint8Array(3))), RangeError);
  });
});
