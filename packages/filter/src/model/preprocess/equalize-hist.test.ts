// equalizeHist against values worked out by hand and checked with cv2.equalizeHist (OpenCV 4.6).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { equalizeHist } from './equalize-hist.js';

const equalized = (values: number[]): number[] => [...equalizeHist(Uint8Array.from(values))];

describe('equalizeHist (cv2.equalizeHist)', () => {
  it('two levels: the first occupied one goes to 0, the other to 255', () => {
    assert.deepEqual(equalized([10, 10, 10, 200]), [0, 0, 0, 255]);
  });
  it('one level: the image is that level', () => {
    assert.deepEqual(equalized([7, 7, 7]), [7, 7, 7]);
    assert.deepEqual(equalized([255]), [255]);
  });
  it('rounds ties to even: scale 255/6 = 42.5 gives 42, scale 127.5 gives 128', () => {
    assert.deepEqual(equalized([0, 1, 2, 2, 2, 2, 2]), [0, 42, 255, 255, 255, 255, 255]);
    assert.deepEqual(equalized([0, 0, 1, 2]), [0, 0, 128, 255]);
  });
  it('computes in float32: 7 * float32(255/14) rounds to 127, where double would give 128', () => {
    const image = [0, ...Array<number>(7).fill(1), ...Array<number>(7).fill(2)];
    assert.deepEqual(equalized(image).slice(0, 3), [0, 127, 127]);
  });
  it('keeps unoccupied levels out of the count', () => {
    assert.deepEqual(equalized([50, 100, 100, 250]), [0, 170, 170, 255]);
  });
  it('returns an empty image for an empty one', () => {
    assert.equal(equalizeHist(new Uint8Array(0)).length, 0);
  });
});
