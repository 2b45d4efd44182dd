import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rankDescending } from './rank-descending.js';

describe('rankDescending', () => {
  it('orders highest first, ties in input order', () => {
    assert.deepEqual([...rankDescending(Float64Array.of(0.5, 0.9, 0.5, 1, 0.9, -0, 0))], [3, 1, 4, 0, 2, 5, 6]);
    assert.deepEqual([...rankDescending(new Float64Array(0))], []);
  });

  it('agrees with a stable comparator sort on random values with many ties', () => {
    let seed = 7;
    const values = Float64Array.from({ length: 5000 }, () => Math.round(((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * 50) / 50 - 0.3);
    const expected = Array.from(values, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
    assert.deepEqual([...rankDescending(values)], expected);
  });
});
