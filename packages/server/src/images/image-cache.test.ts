import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { cacheSize } from './cache-eviction.js';
import { ImageCache, type ImageCacheOptions } from './image-cache.js';
import { ImageError } from './image-error.js';
import { PIXEL_BLOB_VERSION, decodePixelBlob } from './pixel-blob-format.js';
import { renderPixelBlob } from './pixel-blob.js';
import { renderThumbnail } from './thumbnail.js';
import { scratchDir, writeSynthImage } from './internal/test-images.js';

const scratch = scratchDir();
after(scratch.remove);
const images = join(scratch.dir, 'images');
let synth: string;
let other: string;
let caseNumber = 0;

const caches: ImageCache[] = [];
after(() => Promise.all(caches.map((c) => c.close())));

/** A cache closed when the file's tests are done (default options: a pool of render workers). */
function openCache(dir: string, options: ImageCacheOptions = {}): ImageCache {
  const cache = new ImageCache(dir, options);
  caches.push(cache);
  return cache;
}

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
    const cache = openCache(dir);
    const first = await cache.pixels(synth);
    assert.equal(first.contentEncoding, 'deflate');
    assert.equal(first.etag, cache.pixelsEtag(synth));
    assert.match(entryOf(dir, '.cxrp'), /[0-9a-f]{40}\.cxrp$/);
    const second = await cache.pixels(synth);
    assert.deepEqual({ ...cache.stats }, { pixelRenders: 1, thumbnailRenders: 0, hits: 1, corrupt: 0, evicted: 0, writeErrors: 0 });
    assert.deepEqual(second, first);
    const restarted = openCache(dir);
    assert.deepEqual(await restarted.pixels(synth), first);
    assert.equal(restarted.stats.pixelRenders, 0);
    assert.equal(restarted.stats.hits, 1);
  });

  it('serves the blob renderPixelBlob gives (RG1)', async () => {
    const path = sharedFixture('cr', 'RG1_J2KI.dcm');
    const cache = openCache(newCacheDir());
    const served = decodePixelBlob((await cache.pixels(path)).bytes);
    const direct = await renderPixelBlob(path);
    assert.deepEqual({ ...served, data: undefined }, { ...direct, data: undefined });
    assert.ok(served.data.equals(direct.data));
  });

  it('shares one render among concurrent requests', async () => {
    const cache = openCache(newCacheDir());
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => cache.pixels(synth)));
    assert.equal(cache.stats.pixelRenders, 1);
    assert.equal(cache.workerStats?.jobs, 1, 'one job given to the workers');
    for (const r of results) assert.deepEqual(r, results[0]);
    const thumbs = await Promise.all([1, 2, 3].map(() => cache.thumbnail(synth)));
    assert.equal(cache.stats.thumbnailRenders, 1);
    assert.equal(cache.workerStats?.jobs, 2);
    assert.ok(thumbs.every((t) => t.bytes === thumbs[0]!.bytes));
  });

  it('answers not modified to a matching If-None-Match, without reading or rendering', async () => {
    const cache = openCache(newCacheDir());
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
    const cache = openCache(newCacheDir());
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
    const cache = openCache(dir);
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
    const cache = openCache(newCacheDir());
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
    const cache = openCache(dir, { thumbnailSide: 64 });
    const served = await cache.thumbnail(synth);
    assert.equal(served.contentEncoding, undefined);
    assert.deepEqual(new Uint8Array(served.bytes), await renderThumbnail(synth, 64));
    assert.notEqual(served.etag, openCache(dir).thumbnailEtag(synth), 'the side is part of the ETag');
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
    const cache = openCache(dir, { thumbnailSide: 64, maxBytes: Math.floor(2.5 * entrySize) });
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

describe('ImageCache: render workers', () => {
  const RG1 = sharedFixture('cr', 'RG1_J2KI.dcm');

  it('serves the same bytes rendering in this thread (workers: 0) as in the pool', async () => {
    const inThread = openCache(newCacheDir(), { workers: 0 });
    const pooled = openCache(newCacheDir(), { workers: 1 });
    assert.equal(inThread.workerStats, undefined);
    for (const get of [(c: ImageCache) => c.pixels(synth), (c: ImageCache) => c.thumbnail(synth)]) {
      const [a, b] = await Promise.all([get(inThread), get(pooled)]);
      assert.deepEqual(a, b);
    }
    assert.equal(pooled.workerStats?.jobs, 2);
  });

  it('renders different images in parallel, one worker each', async () => {
    const cache = openCache(newCacheDir(), { workers: 2 });
    const [j2k, jls] = await Promise.all([cache.pixels(RG1), cache.pixels(sharedFixture('cr', 'RG1_JLSN.dcm'))]);
    assert.deepEqual({ ...cache.workerStats, maxBusy: undefined }, { started: 2, failed: 0, jobs: 2, refused: 0, maxBusy: undefined });
    assert.equal(cache.workerStats?.maxBusy, 2, 'both workers were rendering at the same moment');
    assert.equal(decodePixelBlob(j2k.bytes).width, decodePixelBlob(jls.bytes).width);
  });

  it('a bad file gives an ImageError from the worker, which goes on serving', async () => {
    const cache = openCache(newCacheDir(), { workers: 1 });
    await assert.rejects(cache.pixels(sharedFixture('edge', 'MR_truncated.dcm')), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_PIXELS');
    await assert.rejects(cache.pixels(sharedFixture('edge', 'SC_rgb.dcm')), (e: unknown) => e instanceof ImageError && /grayscale/.test(e.message));
    assert.ok(decodePixelBlob((await cache.pixels(synth)).bytes).width > 0);
    assert.deepEqual([cache.workerStats?.started, cache.workerStats?.failed, cache.workerStats?.jobs], [1, 0, 3]);
  });

  it('keeps the event loop responsive while a worker renders a big image', async () => {
    const free = await longestGap(() => openCache(newCacheDir(), { workers: 1 }).pixels(RG1));
    const blocked = await longestGap(() => openCache(newCacheDir(), { workers: 0 }).pixels(RG1));
    const report = `with a worker: longest gap ${free.gapMs.toFixed(0)} ms in a ${free.workMs.toFixed(0)} ms render; in this thread: ${blocked.gapMs.toFixed(0)} ms in ${blocked.workMs.toFixed(0)} ms`;
    assert.ok(free.gapMs < 100 && free.gapMs < free.workMs / 2, report);
    assert.ok(blocked.gapMs > 2 * free.gapMs, `the probe sees a blocked loop: ${report}`);
  });

  it('names the format version in the ETag: a version 1 tag or entry is never served', async () => {
    const cache = openCache(newCacheDir());
    const etag = cache.pixelsEtag(synth);
    assert.ok(etag.startsWith(`"cxrp${PIXEL_BLOB_VERSION}-`), etag);
    const result = await cache.pixels(synth, etag.replace(`"cxrp${PIXEL_BLOB_VERSION}-`, '"cxrp1-'));
    assert.equal(result.notModified, undefined);
    assert.equal(decodePixelBlob(result.bytes).width, 100);
  });

  it('close() ends the workers; later requests fail with ERR_IMAGE_BUSY', async () => {
    const cache = new ImageCache(newCacheDir(), { workers: 1 });
    await cache.thumbnail(synth);
    await cache.close();
    await assert.rejects(cache.pixels(synth), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_BUSY');
    await cache.close();
  });

  for (const close of [true, false]) {
    it(`a process that rendered in workers exits by itself ${close ? 'after close()' : 'without close() (idle workers are unref\'d)'}`, () => {
      const script = join(scratch.dir, 'exit-check.mjs');
      writeFileSync(script, EXIT_CHECK_SCRIPT);
      const result = spawnSync(process.execPath, [script, new URL('./image-cache.js', import.meta.url).href, newCacheDir(), RG1, String(close)], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(result.signal, null, `killed after 60 s: the workers kept it alive. ${result.stderr}`);
      assert.equal(result.status, 0, result.stderr);
      const report = JSON.parse(result.stdout.trim()) as { jobs: number; resources: string[] };
      assert.equal(report.jobs, 2);
      if (close) assert.deepEqual(report.resources, [], 'no handles left after close()');
    });
  }
});

/** Renders two images in two workers, optionally closes, reports; it must then exit on its own (no process.exit). */
const EXIT_CHECK_SCRIPT = `
const [moduleUrl, dir, image, close] = process.argv.slice(2);
void [process.stdout, process.stderr]; // opened lazily: open them before the baseline
const before = process.getActiveResourcesInfo();
const { ImageCache } = await import(moduleUrl);
const cache = new ImageCache(dir, { workers: 2 });
await Promise.all([cache.pixels(image), cache.thumbnail(image)]);
const jobs = cache.workerStats.jobs;
if (close === 'true') await cache.close();
await new Promise((resolve) => setTimeout(resolve, 20)); // let closed file handles settle
const resources = process.getActiveResourcesInfo().filter((r) => r !== 'Timeout');
for (const r of before) if (resources.includes(r)) resources.splice(resources.indexOf(r), 1);
console.log(JSON.stringify({ jobs, resources }));
`;

/** Runs `work` while a setTimeout(0) loop measures the longest the event loop went without turning. */
async function longestGap(work: () => Promise<unknown>): Promise<{ gapMs: number; workMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  let running = true;
  const tick = (): void => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
    if (running) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const started = performance.now();
  try {
    await work();
  } finally {
    running = false;
  }
  return { gapMs, workMs: performance.now() - started };
}

/** The entry name a cache uses for an image's thumbnail (sha256 of the ETag, as image-cache.ts names them). */
function cacheNameOf(cache: ImageCache, path: string): string {
  return createHash('sha256').update(cache.thumbnailEtag(path)).digest('hex').slice(0, 40);
}
