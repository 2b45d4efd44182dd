// A stable descending order of numbers (ties keep their input order), without a comparator sort.

/**
 * The indices of `values` ordered by value, highest first; equal values keep their input order.
 * A native sort of the distinct values and a counting sort: several times faster than sorting
 * indices with a comparator. Values must not be NaN.
 */
export function rankDescending(values: Float64Array): Uint32Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]!;
  // bucket[i]: the position of values[i] among the distinct values, highest first.
  const bucket = new Uint32Array(n);
  const counts = new Uint32Array(distinct + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    bucket[i] = distinct - 1 - lo;
    counts[bucket[i]! + 1]! += 1;
  }
  for (let b = 1; b <= distinct; b++) counts[b]! += counts[b - 1]!;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[counts[bucket[i]!]!++] = i;
  return order;
}
