import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { decodeFilter, encodeFilter } from './blob-filter.js';
import { imageGoldens } from './internal/test-images.js';
import { renderPixelBlob } from './pixel-blob.js';
import { littleEndianBytes, samplesFromLittleEndian } from './sample-bytes.js';

/** Low-byte plane and high-byte plane of the expected filter codes. */
function planes(codes: number[]): number[] {
  return [...codes.map((c) => c & 0xff), ...codes.map((c) => c >> 8)];
}

function roundTrip(samples: Uint16Array, width: number, height: number): void {
  const filtered = encodeFilter(samples, width, height);
  assert.equal(filtered.length, 2 * samples.length);
  assert.deepEqual(decodeFilter(filtered, width, height), samples);
}

/** Deterministic pseudo-random uint16 values (xorshift32). */
function randomSamples(n: number, seed: number, mask = 0xffff): Uint16Array {
  const out = new Uint16Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x >>> 0) & mask;
  }
  return out;
}

describe('blob filter: row deltas, zigzag, byte planes', () => {
  it('keeps each row\'s first sample and zigzags the differences to the left neighbour', () => {
    // differences +1, -2, 0, 65535 - 99 = 65436 = -100 (mod 65536), 0 - 65535 = +1 (mod 65536)
    const row = Uint16Array.of(100, 101, 99, 99, 65535, 0);
    assert.deepEqual([...encodeFilter(row, 6, 1)], planes([100, 2, 3, 0, 199, 2]));
    // each row starts again from its own first sample, kept whole (high byte in the high plane)
    const rows = Uint16Array.of(0x1234, 0x1235, 3, 1);
    assert.deepEqual([...encodeFilter(rows, 2, 2)], planes([0x1234, 2, 3, 3]));
  });

  it('maps the extreme differences to the ends of the code range', () => {
    // +32767 -> 65534, -32767 -> 65533, +32768 = -32768 (mod 65536) -> 65535, -32768 -> 65535
    assert.deepEqual([...encodeFilter(Uint16Array.of(0, 32767, 0, 32768, 0), 5, 1)], planes([0, 65534, 65533, 65535, 65535]));
  });

  it('gives all zero bytes for an all-zero image', () => {
    const zeros = new Uint16Array(37 * 11);
    assert.ok(encodeFilter(zeros, 37, 11).every((b) => b === 0));
    roundTrip(zeros, 37, 11);
  });

  it('round-trips 0/65535 alternation (the largest wraps) in both directions', () => {
    const alternating = Uint16Array.from({ length: 64 }, (_, i) => (i % 2 === 0 ? 0 : 65535));
    assert.deepEqual([...encodeFilter(alternating, 8, 8)].slice(0, 8), [0, 1, 2, 1, 2, 1, 2, 1]);
    roundTrip(alternating, 8, 8);
    roundTrip(alternating, 64, 1);
    roundTrip(alternating, 1, 64);
  });

  it('round-trips random data of any size: width 1, height 1, both, empty, odd shapes', () => {
    for (const [width, height, seed] of [[1, 1, 1], [1, 500, 2], [500, 1, 3], [1, 1, 4], [0, 0, 5], [0, 7, 6], [257, 129, 7], [64, 64, 8]] as const) {
      roundTrip(randomSamples(width * height, seed), width, height);
      roundTrip(randomSamples(width * height, seed, 0x0fff), width, height); // 12-bit
    }
  });

  it('refuses sizes that do not match', () => {
    assert.throws(() => encodeFilter(new Uint16Array(5), 2, 2), RangeError);
    assert.throws(() => decodeFilter(new Uint8Array(7), 2, 2), RangeError);
    assert.throws(() => decodeFilter(new Uint8Array(8), 2, 1), RangeError);
    assert.throws(() => encodeFilter(new Uint16Array(0), -1, 0), RangeError);
  });

  it('is lossless on RG1: the decoded samples still hash to the pydicom golden', async () => {
    const golden = imageGoldens().get('cr/RG1_J2KI.dcm')!;
    const blob = await renderPixelBlob(sharedFixture('cr', 'RG1_J2KI.dcm'));
    const filtered = encodeFilter(samplesFromLittleEndian(blob.data), blob.width, blob.height);
    const back = littleEndianBytes(decodeFilter(filtered, blob.width, blob.height));
    assert.equal(createHash('sha256').update(back).digest('hex'), golden.pixels.sha256);
    // the high plane of a smooth 15-bit radiograph is nearly all zero (what makes it compress)
    const n = blob.width * blob.height;
    const highZero = filtered.subarray(n).reduce((count, b) => count + (b === 0 ? 1 : 0), 0);
    assert.ok(highZero > 0.5 * n, `${highZero} of ${n} high bytes are zero`);
  });
});
