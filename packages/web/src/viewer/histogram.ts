// The grey-value histogram of an image (one bin per sample value from min to max) and its percentiles:
// what the data-driven window presets are made of. Pure.

export interface SampleHistogram {
  /** The sample value of bin 0. */
  min: number;
  /** counts[i]: how many samples equal min + i. */
  counts: Uint32Array;
  /** Sum of counts. */
  total: number;
}

/** Counts every sample (values outside [min, max] are clamped into it, which a valid blob never has). */
export function sampleHistogram(samples: Uint16Array, min: number, max: number): SampleHistogram {
  const lo = Math.max(0, Math.min(min, max));
  const hi = Math.max(lo, max);
  const counts = new Uint32Array(hi - lo + 1);
  const last = hi - lo;
  for (let i = 0; i < samples.length; i++) {
    const b = samples[i]! - lo;
    counts[b < 0 ? 0 : b > last ? last : b]!++;
  }
  return { min: lo, counts, total: samples.length };
}

/**
 * The q-th percentile (0 <= q <= 100) as a sample value: the smallest value v with at least q% of the samples
 * <= v (q = 0: the smallest sample present; q = 100: the largest). An empty histogram answers min.
 */
export function percentile(h: SampleHistogram, q: number): number {
  if (h.total === 0) return h.min;
  const need = Math.max(1, Math.ceil((Math.min(100, Math.max(0, q)) / 100) * h.total));
  let sum = 0;
  for (let i = 0; i < h.counts.length; i++) {
    sum += h.counts[i]!;
    if (sum >= need) return h.min + i;
  }
  return h.min + h.counts.length - 1;
}

/** Several percentiles in one pass (qs in any order). */
export function percentiles(h: SampleHistogram, qs: readonly number[]): number[] {
  if (h.total === 0) return qs.map(() => h.min);
  const order = qs.map((q, i) => ({ i, need: Math.max(1, Math.ceil((Math.min(100, Math.max(0, q)) / 100) * h.total)) })).sort((a, b) => a.need - b.need);
  const out = new Array<number>(qs.length).fill(h.min + h.counts.length - 1);
  let k = 0;
  let sum = 0;
  for (let i = 0; i < h.counts.length && k < order.length; i++) {
    sum += h.counts[i]!;
    while (k < order.length && sum >= order[k]!.need) out[order[k++]!.i] = h.min + i;
  }
  return out;
}
