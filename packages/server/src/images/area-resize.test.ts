import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaResize, fitWithin } from './area-resize.js';

const image = (width: number, height: number, values: number[]) => ({ width, height, data: Uint8Array.from(values) });

describe('fitWithin', () => {
  it('scales the longer side to maxSide, keeping the aspect ratio, never enlarging', () => {
    assert.deepEqual(fitWithin(1841, 1955, 256), { width: 241, height: 256 });
    assert.deepEqual(fitWithin(2000, 1000, 256), { width: 256, height: 128 });
    assert.deepEqual(fitWithin(100, 80, 256), { width: 100, height: 80 });
    assert.deepEqual(fitWithin(1000, 1, 10), { width: 10, height: 1 });
  });
});

describe('areaResize', () => {
  it('averages whole blocks', () => {
    const src = image(4, 2, [0, 10, 100, 200, 20, 30, 50, 50]);
    assert.deepEqual([...areaResize(src, 2, 1).data], [15, 100]);
  });

  it('weighs partly covered pixels by the part covered', () => {
    // 3 -> 2: the middle pixel is half in each output pixel.
    assert.deepEqual([...areaResize(image(3, 1, [0, 90, 30]), 2, 1).data], [30, 50]);
    // both directions at once: 3x3 -> 2x2
    const src = image(3, 3, [0, 0, 90, 0, 0, 90, 90, 90, 90]);
    assert.deepEqual([...areaResize(src, 2, 2).data], [0, 60, 60, 80]);
  });

  it('keeps a flat image flat and the mean of any image', () => {
    assert.deepEqual([...areaResize(image(7, 5, Array(35).fill(77)), 3, 2).data], Array(6).fill(77));
    const values = Array.from({ length: 30 * 20 }, (_, i) => (i * 37) % 256);
    const out = areaResize(image(30, 20, values), 10, 5);
    const mean = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
    assert.ok(Math.abs(mean(out.data) - mean(values)) < 0.5);
  });

  it('only shrinks', () => {
    assert.throws(() => areaResize(image(2, 2, [1, 2, 3, 4]), 3, 2), /only shrinks/);
  });
});
