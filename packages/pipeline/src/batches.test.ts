import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { batchBySize } from './batches.js';

describe('batchBySize', () => {
  it('groups small items up to both limits, keeps order, and sends large ones alone', () => {
    const sizes = [10, 10, 10, 10, 10, 500, 10, 10, 90, 1];
    const batches = batchBySize(sizes, (s) => s, { maxItems: 3, maxBytes: 100 });
    assert.deepEqual(batches, [[10, 10, 10], [10, 10], [500], [10, 10], [90, 1]]);
    assert.deepEqual(batches.flat(), sizes);
  });
  it('gives no batch for no items', () => {
    assert.deepEqual(batchBySize([], () => 1, { maxItems: 4, maxBytes: 4 }), []);
  });
});
