import type { DecodedFrame } from '../pixel/decoded-frame.js';

/**
 * Counts of each stored value, for frames whose values fit a table (Bits Stored <= 16):
 * `counts[v + offset]` where offset = 2^(Bits Stored - 1) for signed data, else 0.
 */
export interface ValueHistogram {
  offset: number;
  counts: Uint32Array;
  total: number;
  /** Smallest and largest stored values present. */
  min: number;
  max: number;
}

export const MAX_TABLE_BITS = 16;

export function valueHistogram(frame: DecodedFrame): ValueHistogram | undefined {
  if (frame.bitsStored > MAX_TABLE_BITS || frame.samplesPerPixel !== 1) return undefined;
  const size = 2 ** frame.bitsStored;
  const offset = frame.signed ? size / 2 : 0;
  const counts = new Uint32Array(size);
  const data = frame.data;
  for (let i = 0; i < data.length; i++) counts[data[i]! + offset]!++;
  let min = 0;
  while (min < size - 1 && counts[min] === 0) min++;
  let max = size - 1;
  while (max > 0 && counts[max] === 0) max--;
  return { offset, counts, total: data.length, min: min - offset, max: max - offset };
}

/** Maps every pixel through a table indexed by stored value + histogram offset. */
export function lookupPixels(frame: DecodedFrame, h: ValueHistogram, table: Uint8Array): Uint8Array {
  const out = new Uint8Array(frame.data.length);
  const data = frame.data;
  const offset = h.offset;
  for (let i = 0; i < data.length; i++) out[i] = table[data[i]! + offset]!;
  return out;
}

/**
 * Percentiles of f(stored value) over the pixels (numpy's `inverted_cdf`: the smallest value v
 * with count(x <= v) >= p * N), for any f, monotonic or not.
 */
export function percentilesOf(h: ValueHistogram, f: (x: number) => number, ps: number[]): number[] {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < h.counts.length; i++) if (h.counts[i]! > 0) pairs.push([f(i - h.offset), h.counts[i]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  return ps.map((p) => {
    const need = p * h.total;
    let seen = 0;
    for (const [value, count] of pairs) {
      seen += count;
      if (seen >= need) return value;
    }
    return pairs[pairs.length - 1]![0];
  });
}

/** The same percentiles from explicit values (frames too deep for a table). */
export function percentilesOfValues(values: Float64Array, ps: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!);
}
