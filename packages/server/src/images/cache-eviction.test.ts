import assert from 'node:assert/strict';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { cacheSize, evictOldest } from './cache-eviction.js';
import { scratchDir } from './internal/test-images.js';

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => (scratch = scratchDir()));
afterEach(() => scratch.remove());

/** Writes `name` with `size` bytes, modified `minutesAgo` minutes ago. */
function entry(name: string, size: number, minutesAgo: number): void {
  const path = join(scratch.dir, name);
  writeFileSync(path, Buffer.alloc(size));
  const time = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(path, time, time);
}

describe('evictOldest', () => {
  it('removes the least recently modified entries until the rest fit', () => {
    entry('a.png', 100, 30);
    entry('b.png', 100, 10);
    entry('c.png', 100, 20);
    entry('d.png', 100, 1);
    assert.equal(cacheSize(scratch.dir), 400);
    const result = evictOldest(scratch.dir, 250);
    assert.deepEqual(result, { totalBytes: 200, removed: ['a.png', 'c.png'] });
    assert.deepEqual(readdirSync(scratch.dir).sort(), ['b.png', 'd.png']);
  });

  it('does nothing under the bound', () => {
    entry('a.png', 100, 5);
    assert.deepEqual(evictOldest(scratch.dir, 100), { totalBytes: 100, removed: [] });
  });

  it('never removes an entry it is told to keep', () => {
    entry('old.cxrp', 300, 60);
    entry('new.cxrp', 100, 1);
    assert.deepEqual(evictOldest(scratch.dir, 200, new Set(['old.cxrp'])), { totalBytes: 300, removed: ['new.cxrp'] });
  });

  it('leaves fresh temporary files alone and uncounted; removes stale ones', () => {
    entry('.x.cxrp.1-0-aa.tmp', 500, 1);
    entry('.y.cxrp.1-0-bb.tmp', 500, 60);
    entry('a.png', 100, 5);
    assert.equal(cacheSize(scratch.dir), 100);
    evictOldest(scratch.dir, 1000);
    assert.deepEqual(readdirSync(scratch.dir).sort(), ['.x.cxrp.1-0-aa.tmp', 'a.png']);
  });
});
