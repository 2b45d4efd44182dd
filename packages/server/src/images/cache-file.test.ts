import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { scratchDir } from './internal/test-images.js';

const scratch = scratchDir();
after(scratch.remove);

const payload = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);

describe('cache files', () => {
  it('read back what was written, leaving no temporary file', async () => {
    const path = join(scratch.dir, 'entry.bin');
    assert.equal(await writeCacheFile(path, payload), 1012);
    const read = await readCacheFile(path);
    assert.equal(read.state, 'hit');
    assert.deepEqual(read.state === 'hit' && [...read.payload], [...payload]);
    assert.deepEqual(readdirSync(scratch.dir), ['entry.bin']);
  });

  it('a failed write leaves neither the entry nor a temporary file', async () => {
    const dir = join(scratch.dir, 'failing');
    mkdirSync(join(dir, 'entry.bin', 'inside'), { recursive: true }); // a folder where the entry should go: rename fails
    await assert.rejects(writeCacheFile(join(dir, 'entry.bin'), payload));
    assert.deepEqual(readdirSync(dir), ['entry.bin']);
    assert.deepEqual(readdirSync(join(dir, 'entry.bin')), ['inside']);
  });

  it('a missing file is a miss', async () => {
    assert.deepEqual(await readCacheFile(join(scratch.dir, 'none.bin')), { state: 'missing' });
  });

  it('a truncated file is corrupt', async () => {
    const path = join(scratch.dir, 'truncated.bin');
    await writeCacheFile(path, payload);
    truncateSync(path, 700);
    assert.equal((await readCacheFile(path)).state, 'corrupt');
    truncateSync(path, 5);
    assert.equal((await readCacheFile(path)).state, 'corrupt');
  });

  it('a changed byte fails the CRC', async () => {
    const path = join(scratch.dir, 'flipped.bin');
    await writeCacheFile(path, payload);
    const bytes = readFileSync(path);
    bytes[500] = bytes[500]! ^ 0x10;
    writeFileSync(path, bytes);
    assert.deepEqual(await readCacheFile(path), { state: 'corrupt', reason: 'CRC-32 mismatch' });
  });

  it('a file cut and padded to its old length has no valid trailer', async () => {
    const path = join(scratch.dir, 'zeroed.bin');
    await writeCacheFile(path, payload);
    const bytes = readFileSync(path);
    bytes.fill(0, 900);
    writeFileSync(path, bytes);
    assert.equal((await readCacheFile(path)).state, 'corrupt');
  });
});
