import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const c = new LruCache<number, string>(2);
    c.set(1, 'a');
    c.set(2, 'b');
    assert.equal(c.get(1), 'a'); // 1 is now the most recent
    assert.deepEqual(c.set(3, 'c'), [[2, 'b']]);
    assert.deepEqual(c.keys(), [1, 3]);
  });
  it('peek does not refresh; set of an existing key does', () => {
    const c = new LruCache<number, string>(2);
    c.set(1, 'a');
    c.set(2, 'b');
    assert.equal(c.peek(1), 'a');
    c.set(2, 'B');
    assert.deepEqual(c.set(3, 'c'), [[1, 'a']]);
    assert.equal(c.get(2), 'B');
  });
  it('refuses a capacity below 1', () => {
    assert.throws(() => new LruCache(0), RangeError);
  });
});
