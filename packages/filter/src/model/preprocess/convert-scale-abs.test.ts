// scaleByMax against values worked out by hand and checked with cv2.convertScaleAbs (OpenCV 4.6).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scaleByMax } from './convert-scale-abs.js';
import { saturateRound8 } from './saturate-round.js';

const scaled = (data: ArrayLike<number>): number[] => [...scaleByMax(data).image];

describe('saturateRound8 (cvRound, then saturate_cast<uchar>)', () => {
  it('rounds to nearest with ties to even', () => {
    assert.deepEqual([0.5, 1.5, 2.5, 3.49, 3.51, 127.5, 128.5, 254.5].map(saturateRound8), [0, 2, 2, 3, 4, 128, 128, 254]);
  });
  it('saturates, and gives 0 for NaN and the infinities', () => {
    assert.deepEqual([-3, -0.6, 255.4, 255.5, 1e9, NaN, Infinity, -Infinity].map(saturateRound8), [0, 0, 255, 255, 255, 0, 0, 0]);
  });
});

describe('scaleByMax (cv2.convertScaleAbs with alpha = 255 / max)', () => {
  it('max 510: alpha 0.5, every odd value a tie, rounded to even', () => {
    const data = Uint16Array.from({ length: 12 }, (_, i) => i);
    data[11] = 510;
    assert.deepEqual(scaled(data), [0, 0, 1, 2, 2, 2, 3, 4, 4, 4, 5, 255]);
  });
  it('max 170 in uint8: alpha 1.5', () => {
    assert.deepEqual(scaled(Uint8Array.of(1, 3, 5, 7, 170)), [2, 4, 8, 10, 255]);
  });
  it('multiplies in float32, not double (270 * float32(255/324) is 212.5 exactly: 212; double gives 213)', () => {
    assert.deepEqual(scaled(Uint16Array.of(270, 324)), [212, 255]);
    assert.deepEqual(scaled(Uint16Array.of(163, 326)), [127, 255]);
    assert.deepEqual(scaled(Uint16Array.of(185, 333, 370)), [128, 230, 255]);
  });
  it('takes the magnitude of negative values and saturates it', () => {
    assert.deepEqual(scaled(Int16Array.of(-400, 3, 5, 7, 170)), [255, 4, 8, 10, 255]);
    // All negative: alpha is negative, the products positive and large.
    assert.deepEqual(scaled(Int16Array.of(-100, -60, -10)), [255, 255, 255]);
  });
  it('max 0 gives all 0, negative values included', () => {
    assert.deepEqual(scaleByMax(Int16Array.of(0, -3, -1)), { image: Uint8Array.of(0, 0, 0), max: 0 });
  });
  it('reports the max and reads only `length` values', () => {
    const { image, max } = scaleByMax(Uint16Array.of(100, 200, 4000), 2);
    assert.equal(max, 200);
    assert.deepEqual([...image], [128, 255]);
  });
  it('gives the same values through its value table (narrow typed arrays) and pixel by pixel', () => {
    const values = Int16Array.from({ length: 4001 }, (_, i) => i - 1000);
    assert.deepEqual(scaleByMax(values).image, scaleByMax(Array.from(values)).image);
    // A range too wide for the table: pixel by pixel (cv2 gives the same).
    assert.deepEqual(scaled(Int32Array.of(-70000, 0, 1, 12345, 99999, 200000)), [89, 0, 0, 16, 127, 255]);
    assert.deepEqual(scaled(Int32Array.of(5, 99, 1000)), [1, 25, 255]);
  });
  it('refuses an empty image and a length past the data', () => {
    assert.throws(() => scaleByMax(new Uint16Array(0)), RangeError);
    assert.throws(() => scaleByMax(new Uint16Array(4), 5), RangeError);
  });
});
