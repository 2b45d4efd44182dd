import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { cacheSize } from './cache-eviction.js';
import { ImageCache } from './image-cache.js';
import { ImageError } from './image-error.js';
import { decodePixelBlob } from './pixel-blob-format.js';
import { renderPixelBlob } from './pixel-blob.js';
import { renderThumbnail } from './thumbnail.js';
import { scratchDir, writeSynthImage } from './internal/test-images.js';

const scratch = scratchDir();
after(scratch.remove);
const images = join(scratch.dir, 'images');
let synth: string;
let other: string;
let caseNumber = 0;

/** A new empty cache folder for each case. */
function newCacheDir(): string {
  return join(scratch.dir, `cache-${++caseNumber}`);
}

/** The single entry file with this extension in a cache folder. */
function entryOf(dir: string, extension: string): string {
  const names = readdirSync(dir).filter((n) => n.endsWith(extension));
  assert.equal(names.length, 1, `entries: ${names.join(', ')}`);
  return join(dir, names[0]!);
}

before(async () => {
  synth = await writeSynthImage(join(images, 'synth.dcm'), { seed: 3 });
  other = await writeSynthImage(join(images, 'other.dcm'), { seed: 4, photometricInterpretation: 'MONOCHROME1' });
});

describe('ImageCache: pixels', () => {
  it('renders on a miss, then serves identical bytes from disk without rendering, in this process or the next', async () => {
    const dir = newCacheDir();
    const cache = new ImageCache(dir);
    const first = await cache.pixels(synth);
    assert.equal(first.contentEncoding, 'deflate');
    assert.equal(first.etag, cache.pixelsEtag(synth));
    assert.match(entryOf(dir, '.cxrp'), /[0-9a-f]{40}\.cxrp$/);
    const second = await cache.pixels(synth);
    assert.deepEqual({ ...cache.stats }, { pixelRenders: 1, thumbnailRenders: 0, hits: 1, corrupt: 0, evicted: 0, writeErrors: 0 });
    assert.deepEqual(second, first);
    const restarted = new ImageCache(dir);
    assert.deepEqual(await restarted.pixels(synth), first);
    assert.equal(restarted.stats.pixelRenders, 0);
    assert.equal(restarted.stats.hits, 1);
  });

  it('serves the blob renderPixelBlob gives (RG1)', async () => {
    const path = sharedFixture('cr', 'RG1_J2KI.dcm');
    const cache = new ImageCache(newCacheDir());
    const served = decodePixelBlob((await cache.pixels(path)).bytes);
    const direct = await renderPixelBlob(path);
    assert.deepEqual({ ...served, data: undefined }, { ...direct, data: undefined });
    assert.ok(served.data.equals(direct.data));
  });

  it('shares one render among concurrent requests', async () => {
    const cache = new ImageCache(newCacheDir());
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => cache.pixels(synth)));
    assert.equal(cache.stats.pixelRenders, 1);
    for (const r of results) assert.deepEqual(r, results[0]);
    const thumbs = await Promise.all([1, 2, 3].map(() => cache.thumbnail(synth)));
    assert.equal(cache.stats.thumbnailRenders, 1);
    assert.ok(thumbs.every((t) => t.bytes === thumbs[0]!.bytes));
  });

  it('answers not modified to a matching If-None-Match, without reading or rendering', async () => {
    const cache = new ImageCache(newCacheDir());
    const etag = cache.pixelsEtag(synth);
    assert.deepEqual(await cache.pixels(synth, etag), { etag, bytes: new Uint8Array(0), contentEncoding: 'deflate', notModified: true });
    assert.equal(cache.stats.pixelRenders + cache.stats.hits, 0);
    const stale = await cache.pixels(synth, '"cxrp1-0000000000000000-0-0"');
    assert.equal(stale.notModified, undefined);
    assert.equal(cache.stats.pixelRenders, 1);
  });

  it('gives a new ETag and new pixels when the image file changes', async () => {
    const path = join(images, 'changing.dcm');
    copyFileSync(synth, path);
    const cache = new ImageCache(newCacheDir());
    const before = await cache.pixels(path);
    copyFileSync(other, path);
    const later = new Date(Date.now() + 5000);
    utimesSync(path, later, later);
    const after = await cache.pixels(path);
    assert.notEqual(after.etag, before.etag);
    assert.equal(cache.stats.pixelRenders, 2);
    const expected = await renderPixelBlob(other);
    const served = decodePixelBlob(after.bytes);
    assert.ok(served.data.equals(expected.data));
    assert.equal(served.photometric, 'MONOCHROME1');
    assert.ok(!served.data.equals(decodePixelBlob(before.bytes).data));
  });

  it('renders again over a truncated entry, then serves the repaired one', async () => {
    const dir = newCacheDir();
    const cache = new ImageCache(dir);
    const original = await cache.pixels(synth);
    const entry = entryOf(dir, '.cxrp');
    truncateSync(entry, Math.floor(original.bytes.length / 2));
    const repaired = await cache.pixels(synth);
    assert.deepEqual(repaired, original);
    assert.deepEqual([cache.stats.corrupt, cache.stats.pixelRenders], [1, 2]);
    await cache.pixels(synth);
    assert.deepEqual([cache.stats.corrupt, cache.stats.pixelRenders, cache.stats.hits], [1, 2, 1]);
  });

  it('a missing image is an ImageError, and a failed render is not remembered', async () => {
    const cache = new ImageCache(newCacheDir());
    const missing = join(images, 'missing.dcm');
    await assert.rejects(cache.pixels(missing), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_NOT_FOUND');
    const broken = sharedFixture('edge', 'MR_truncated.dcm');
    await assert.rejects(cache.thumbnail(broken), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_PIXELS');
    await assert.rejects(cache.thumbnail(broken), ImageError);
    assert.equal(cache.stats.thumbnailRenders, 2);
  });
});

describe('ImageCache: thumbnails', () => {
  it('serves renderThumbnail at the configured side, as PNG, and re-renders a damaged entry', async () => {
    const dir = newCacheDir();
    const cache = new ImageCache(dir, { thumbnailSide: 64 });
    const served = await cache.thumbnail(synth);
    assert.equal(served.contentEncoding, undefined);
    assert.deepEqual(served.bytes, await renderThumbnail(synth, 64));
    assert.notEqual(served.etag, new ImageCache(dir).thumbnailEtag(synth), 'the side is part of the ETag');
    const entry = entryOf(dir, '.png');
    const bytes = readFileSync(entry);
    bytes[40] = bytes[40]! ^ 0xff;
    writeFileSync(entry, bytes);
    assert.deepEqual((await cache.thumbnail(synth)).bytes, served.bytes);
    assert.deepEqual([cache.stats.corrupt, cache.stats.thumbnailRenders], [1, 2]);
  });

  it('keeps the folder under maxBytes, evicting the least recently used entry', async () => {
    // Copies of one image: thumbnails of one size, separate entries (the path is part of the ETag).
    const paths = ['a', 'b', 'c'].map((name) => {
      const path = join(images, `${name}.dcm`);
      copyFileSync(synth, path);
      return path;
    });
    const entrySize = (await renderThumbnail(synth, 64)).length + 12;
    const dir = newCacheDir();
    const cache = new ImageCache(dir, { thumbnailSide: 64, maxBytes: Math.floor(2.5 * entrySize) });
    const [a, b, c] = paths as [string, string, string];
    await cache.thumbnail(a);
    await cache.thumbnail(b);
    // a older than b; then a hit makes a the most recently used
    const entries = readdirSync(dir).map((n) => join(dir, n));
    const [entryA, entryB] = [a, b].map((p) => entries.find((e) => e.includes(cacheNameOf(cache, p)))!);
    utimesSync(entryA!, new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
    utimesSync(entryB!, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    await cache.thumbnail(a);
    await cache.thumbnail(c);
    assert.equal(cache.stats.evicted, 1);
    assert.ok(cacheSize(dir) <= 2.5 * entrySize);
    const left = readdirSync(dir);
    assert.ok(!left.some((n) => entryB!.endsWith(n)), 'b, the least recently used, is gone');
    assert.ok(left.some((n) => entryA!.endsWith(n)), 'a, used again, is kept');
    await cache.thumbnail(a);
    assert.equal(cache.stats.thumbnailRenders, 3, 'a was still cached');
  });
});

/** The entry name a cache uses for an image's thumbnail (sha256 of the ETag, as image-cache.ts names them). */
function cacheNameOf(cache: ImageCache, path: string): string {
  return createHash('sha256').update(cache.thumbnailEtag(path)).digest('hex').slice(0, 40);
}
