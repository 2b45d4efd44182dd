import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { synthesizeChestImage, type ChestImage } from './chest-image.js';

const sha = (pixels: Uint16Array): string => createHash('sha256').update(pixels).digest('hex');

/** Mean stored value over a box around anatomical (d, y): d from the midline, y down, fractions of the image. */
function meanAt(image: ChestImage, d: number, y: number, half = 0.02): number {
  const cx = (image.geometry.centerX + d) * image.columns;
  const cy = y * image.rows;
  const hx = Math.max(1, Math.round(half * image.columns));
  const hy = Math.max(1, Math.round(half * image.rows));
  let sum = 0;
  let n = 0;
  for (let yy = Math.round(cy) - hy; yy <= Math.round(cy) + hy; yy++) {
    for (let xx = Math.round(cx) - hx; xx <= Math.round(cx) + hx; xx++) {
      sum += image.pixels[yy * image.columns + xx]!;
      n++;
    }
  }
  return sum / n;
}

/** Regions every generated chest has, whatever the seed. */
function regions(image: ChestImage): { rightLung: number; leftLung: number; mediastinum: number; abdomen: number } {
  const g = image.geometry;
  const lungD = (shape: typeof g.right): number => (shape.medialD + shape.heartD + shape.lateralD) / 2;
  return {
    rightLung: meanAt(image, -lungD(g.right), 0.4),
    leftLung: meanAt(image, lungD(g.left), 0.4),
    mediastinum: meanAt(image, 0, 0.5, 0.015),
    abdomen: meanAt(image, -0.15, 0.9),
  };
}

describe('synthesizeChestImage', () => {
  const size = { rows: 256, columns: 200 };

  it('is deterministic: same seed, same pixels; another seed, other pixels', () => {
    const a = synthesizeChestImage({ ...size, seed: 42 });
    const b = synthesizeChestImage({ ...size, seed: 42 });
    const c = synthesizeChestImage({ ...size, seed: 43 });
    assert.equal(sha(a.pixels), sha(b.pixels));
    assert.notEqual(sha(a.pixels), sha(c.pixels));
    assert.deepEqual([a.windowCenter, a.windowWidth, a.smallestValue, a.largestValue], [b.windowCenter, b.windowWidth, b.smallestValue, b.largestValue]);
  });

  for (const bitsStored of [12, 14]) {
    it(`keeps every value within ${bitsStored} bits stored and uses most of the range`, () => {
      const image = synthesizeChestImage({ ...size, bitsStored, seed: 5 });
      const max = 2 ** bitsStored - 1;
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of image.pixels) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      assert.equal(image.pixels.length, 256 * 200);
      assert.ok(hi <= max, `largest ${hi} > ${max}`);
      assert.equal(image.smallestValue, lo);
      assert.equal(image.largestValue, hi);
      assert.ok(hi - lo > 0.8 * max, `range ${lo}..${hi} is narrow`);
    });
  }

  it('has a window over the data: centre inside the values, most pixels inside the window', () => {
    for (const seed of [1, 2, 3]) {
      const image = synthesizeChestImage({ ...size, seed });
      const { windowCenter: c, windowWidth: w } = image;
      assert.ok(c > image.smallestValue && c < image.largestValue);
      assert.ok(w > 0.3 * (image.largestValue - image.smallestValue), `window width ${w} is narrow`);
      let inside = 0;
      for (const v of image.pixels) if (v >= c - w / 2 && v <= c + w / 2) inside++;
      assert.ok(inside / image.pixels.length > 0.9, `only ${inside} of ${image.pixels.length} pixels in the window`);
    }
  });

  it('draws lungs darker than the mediastinum and the abdomen (MONOCHROME2)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const image = synthesizeChestImage({ ...size, seed });
      const r = regions(image);
      const contrast = 0.1 * (image.largestValue - image.smallestValue);
      for (const lung of [r.rightLung, r.leftLung]) {
        assert.ok(lung + contrast < r.mediastinum, `seed ${seed}: lung ${lung} vs mediastinum ${r.mediastinum}`);
        assert.ok(lung + contrast < r.abdomen, `seed ${seed}: lung ${lung} vs abdomen ${r.abdomen}`);
      }
    }
  });

  it('stores MONOCHROME1 as the exact inverse of MONOCHROME2, so bone is low', () => {
    const m2 = synthesizeChestImage({ ...size, seed: 9, bitsStored: 14 });
    const m1 = synthesizeChestImage({ ...size, seed: 9, bitsStored: 14, photometricInterpretation: 'MONOCHROME1' });
    assert.equal(m1.photometricInterpretation, 'MONOCHROME1');
    assert.ok(m2.pixels.every((v, i) => m1.pixels[i] === 16383 - v));
    const r = regions(m1);
    assert.ok(r.rightLung > r.mediastinum && r.leftLung > r.mediastinum);
    assert.ok(Math.abs(m1.windowCenter - (16383 + 1 - m2.windowCenter)) <= 2, 'the window mirrors too');
    assert.ok(Math.abs(m1.windowWidth - m2.windowWidth) <= 2);
  });

  it('rejects sizes and depths it cannot store', () => {
    assert.throws(() => synthesizeChestImage({ rows: 10, columns: 200 }), RangeError);
    assert.throws(() => synthesizeChestImage({ ...size, bitsStored: 17 }), RangeError);
    assert.throws(() => synthesizeChestImage({ ...size, columns: 20.5 }), RangeError);
  });

  it('generates a full-size 2788 x 2446 radiograph', () => {
    const image = synthesizeChestImage({ seed: 1 });
    assert.equal(image.pixels.length, 2788 * 2446);
    const r = regions(image);
    assert.ok(r.rightLung < r.mediastinum && r.leftLung < r.mediastinum);
  });
});
