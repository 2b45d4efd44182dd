// percentiles: numpy's linear method, on hand-worked cases and against a sort-based reference.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, percentiles } from './percentile.js';

/** numpy.percentile(values, 100 * p), method "linear", by sorting. */
function reference(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const k = Math.floor(pos);
  const next = sorted[Math.min(k + 1, sorted.length - 1)]!;
  return sorted[k]! + (next - sorted[k]!) * (pos - k);
}

describe('percentiles', () => {
  it('interpolates between order statistics as numpy does', () => {
    assert.deepEqual(percentiles([4, 1, 3, 2], [0, 0.25, 0.5, 1]), [1, 1.75, 2.5, 4]);
    // numpy.percentile([10, 7, 4, 3, 2, 1], [1, 99]) -> [1.05, 9.85]
    const [p1, p99] = percentiles([10, 7, 4, 3, 2, 1], [0.01, 0.99]);
    assert.ok(Math.abs(p1! - 1.05) < 1e-12 && Math.abs(p99! - 9.85) < 1e-12);
    assert.equal(percentile(Float32Array.from({ length: 101 }, (_, i) => 100 - i), 0.01), 1);
  });

  it('matches the reference on random data with many ties, fractions in any order', () => {
    let s = 7;
    const rand = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (const n of [1, 2, 3, 10, 99, 1000, 4097]) {
      for (const levels of [1, 3, 50, 1e6]) {
        const values = Array.from({ length: n }, () => Math.floor(rand() * levels));
        const ps = [0.99, 0.01, 0.5, 0, 1, 0.333, 0.01];
        const got = percentiles(Float32Array.from(values), ps);
        ps.forEach((p, i) => assert.ok(Math.abs(got[i]! - reference(values, p)) < 1e-6 * levels, `n ${n} levels ${levels} p ${p}`));
      }
    }
  });

  it('leaves its input alone', () => {
    const values = Float32Array.from([5, 3, 9, 1]);
    percentiles(values, [0.5]);
    assert.deepEqual(Array.from(values), [5, 3, 9, 1]);
  });

  it('refuses no values and fractions outside 0..1', () => {
    assert.throws(() => percentile([], 0.5), RangeError);
    assert.throws(() => percentile([1], 1.5), RangeError);
    assert.throws(() => percentile([1], Number.NaN), RangeError);
  });
});
