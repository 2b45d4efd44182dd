// fusedImage8 gives exactly what scaleByMax, inversion and equalizeHist give one after the other.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scaleByMax } from './convert-scale-abs.js';
import { equalizeHist } from './equalize-hist.js';
import { fusedImage8, type SmallPixelArray } from './fused-image8.js';

function stepByStep(data: SmallPixelArray, invert: boolean): Uint8Array {
  const { image, max } = scaleByMax(data);
  const inverted = invert ? image.map((v) => 255 - v) : image;
  return max > 255 ? equalizeHist(inverted) : inverted;
}

/** xorshift32: the same pseudo-random values on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

describe('fusedImage8', () => {
  const next = random(12345);
  const kinds: [string, (n: number) => SmallPixelArray, number, number][] = [
    ['uint8', (n) => new Uint8Array(n), 0, 255],
    ['int8', (n) => new Int8Array(n), -128, 127],
    ['uint16', (n) => new Uint16Array(n), 0, 65535],
    ['int16', (n) => new Int16Array(n), -32768, 32767],
  ];
  for (const [name, make, lowest, highest] of kinds) {
    it(`equals the steps one by one on random ${name} images`, () => {
      for (let k = 0; k < 60; k++) {
        const length = 1 + Math.floor(next() * 400);
        const top = lowest + Math.floor(next() * (highest - lowest + 1));
        const bottom = k % 3 === 0 ? lowest : Math.max(lowest, top - Math.floor(next() * 3000));
        const data = make(length);
        for (let i = 0; i < length; i++) data[i] = bottom + Math.floor(next() * (top - bottom + 1));
        for (const invert of [false, true]) {
          assert.deepEqual(fusedImage8(data, length, invert), stepByStep(data, invert), `${name} case ${k}, invert ${invert}`);
        }
      }
    });
  }
  it('handles max 0 and a single value', () => {
    assert.deepEqual([...fusedImage8(Int16Array.of(0, -5, -1), 3, false)], [0, 0, 0]);
    assert.deepEqual([...fusedImage8(Int16Array.of(0, -5, -1), 3, true)], [255, 255, 255]);
    assert.deepEqual([...fusedImage8(Uint16Array.of(4000, 4000), 2, false)], [255, 255]);
  });
  it('reads only `length` values and refuses none', () => {
    assert.deepEqual([...fusedImage8(Uint16Array.of(100, 200, 4000), 2, false)], [128, 255]);
    assert.throws(() => fusedImage8(new Uint16Array(2), 0, false), RangeError);
  });
});
