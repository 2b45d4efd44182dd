// resizeBilinear8 on images small enough to check by hand (values also checked with Pillow 9.4).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resizeBilinear8 } from './pil-resize.js';

const resized = (values: number[], w: number, h: number, ow: number, oh: number): number[] =>
  [...resizeBilinear8(Uint8Array.from(values), w, h, ow, oh)];

describe('resizeBilinear8 (Pillow Image.resize with BILINEAR)', () => {
  it('keeps a constant image constant, shrinking and enlarging', () => {
    for (const [w, h, ow, oh] of [[301, 517, 224, 224], [5, 7, 224, 224], [100, 3, 7, 40]] as const) {
      const out = resizeBilinear8(new Uint8Array(w * h).fill(173), w, h, ow, oh);
      assert.equal(out.length, ow * oh);
      assert.ok(out.every((v) => v === 173), `${w}x${h} -> ${ow}x${oh}`);
    }
  });
  it('shrinks with the widened triangle: 4 -> 2 weighs 3 inputs 3:3:1', () => {
    // Output 0: centre 1, support 2, inputs 0..2 weighted 0.75, 0.75, 0.25 (normalised, in 2.22 fixed point).
    assert.deepEqual(resized([0, 100, 200, 255], 4, 1, 2, 1), [71, 209]);
  });
  it('enlarges with the plain triangle, horizontally and vertically alike', () => {
    // Output 1 of 4: centre 0.75, weights 0.75 and 0.25: 63.75 + the rounding constant gives 64.
    assert.deepEqual(resized([0, 255], 2, 1, 4, 1), [0, 64, 191, 255]);
    assert.deepEqual(resized([0, 255], 1, 2, 1, 4), [0, 64, 191, 255]);
    assert.deepEqual(resized([0, 255, 255, 0], 2, 2, 3, 3), [0, 128, 255, 128, 128, 128, 255, 128, 0]);
  });
  it('copies an image of the same size', () => {
    const src = Uint8Array.of(1, 2, 3, 4, 5, 6);
    const out = resizeBilinear8(src, 3, 2, 3, 2);
    assert.deepEqual(out, src);
    assert.notEqual(out, src);
  });
  it('refuses sizes that are not positive integers and short data', () => {
    assert.throws(() => resizeBilinear8(new Uint8Array(4), 2, 2, 0, 2), RangeError);
    assert.throws(() => resizeBilinear8(new Uint8Array(4), 2, 2.5, 2, 2), RangeError);
    assert.throws(() => resizeBilinear8(new Uint8Array(3), 2, 2, 1, 1), RangeError);
  });
});
