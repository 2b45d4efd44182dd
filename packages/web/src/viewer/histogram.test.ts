import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { percentile, percentiles, sampleHistogram } from './histogram.js';

describe('sampleHistogram', () => {
  it('counts each value from min to max', () => {
    const h = sampleHistogram(Uint16Array.from([5, 7, 7, 9, 5, 5]), 5, 9);
    assert.equal(h.min, 5);
    assert.deepEqual([...h.counts], [3, 0, 2, 0, 1]);
    assert.equal(h.total, 6);
  });
});

describe('percentile', () => {
  // 100 samples 0..99, one each: the q-th percentile is the value with q samples at or below it, minus 1.
  const h = sampleHistogram(Uint16Array.from({ length: 100 }, (_, i) => i), 0, 99);
  it('is the smallest value with q% of the samples at or below it', () => {
    assert.equal(percentile(h, 0), 0);
    assert.equal(percentile(h, 1), 0);
    assert.equal(percentile(h, 1.5), 1);
    assert.equal(percentile(h, 50), 49);
    assert.equal(percentile(h, 99.5), 99);
    assert.equal(percentile(h, 100), 99);
  });
  it('skips empty bins', () => {
    const g = sampleHistogram(Uint16Array.from([10, 10, 10, 20]), 5, 25);
    assert.equal(percentile(g, 0), 10);
    assert.equal(percentile(g, 75), 10);
    assert.equal(percentile(g, 76), 20);
  });
  it('percentiles() agrees with percentile() in any order', () => {
    const qs = [99.5, 0.5, 50, 2, 98, 0, 100];
    assert.deepEqual(percentiles(h, qs), qs.map((q) => percentile(h, q)));
  });
});
