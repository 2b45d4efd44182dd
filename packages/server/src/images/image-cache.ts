// The on-disk cache of what the image routes send: compressed pixel blobs and PNG thumbnails, by ETag.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { cacheSize, evictOldest } from './cache-eviction.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { ImageError } from './image-error.js';
import { etagMatches, fileStamp, imageEtag, sameStamp } from './image-etag.js';
import { PIXEL_BLOB_CONTENT_ENCODING, PIXEL_BLOB_VERSION } from './pixel-blob-format.js';
import { renderJob, type RenderJob } from './render-job.js';
import { RenderPool, type RenderPoolStats } from './render-pool.js';
import { DEFAULT_THUMBNAIL_SIDE, THUMBNAIL_VERSION } from './thumbnail.js';

export interface ImageCacheOptions {
  /** Bound on the folder's total size (default 2 GiB); the least recently used entries are removed beyond it. */
  maxBytes?: number;
  /** Longer side of thumbnails (default 256). */
  thumbnailSide?: number;
  /**
   * Render worker threads (default defaultRenderWorkers(): one per core but one, 1 to 4). 0 renders in this
   * thread, blocking the event loop for the length of a render (tests, tools).
   */
  workers?: number;
  /** Renders waiting for a worker beyond which requests fail with ERR_IMAGE_BUSY (default 256). */
  queueLimit?: number;
  /** A render running longer fails with ERR_IMAGE_PIXELS and its worker is replaced (default 120 s). */
  renderTimeoutMs?: number;
}

export interface CachedImage {
  /** Strong ETag, quoted (the header value). */
  etag: string;
  /** The body: empty when `notModified`. */
  bytes: Uint8Array;
  /** The Content-Encoding the body is in (pixel blobs: `deflate`); absent for PNG. */
  contentEncoding?: string;
  /** The If-None-Match given matched: answer 304. */
  notModified?: boolean;
}

/** What the cache has done since it was made (for tests and metrics). */
export interface ImageCacheStats {
  pixelRenders: number;
  thumbnailRenders: number;
  hits: number;
  /** Entries found damaged (and rendered again). */
  corrupt: number;
  evicted: number;
  /** Entries that could not be written (the response was still served). */
  writeErrors: number;
}

export const DEFAULT_CACHE_BYTES = 2 * 1024 ** 3;
/** Eviction goes down to this fraction of maxBytes, so the folder is not rescanned on every write once full. */
const EVICT_TO = 0.9;

/** max(1, min(4, cores - 1)): leaves a core to the event loop. */
export function defaultRenderWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

interface Kind {
  format: string;
  extension: string;
  contentEncoding?: string;
  job(path: string): RenderJob;
}

/**
 * Caches encoded pixel blobs and thumbnails under `dir`, one file per ETag (named by its hash), written
 * atomically with a CRC trailer; a damaged file is rendered again. Concurrent requests for one entry share
 * one read or render. The ETag comes from the image file's path, size and modification time, so a changed
 * file is rendered again and its old entry ages out. Renders run in a pool of worker threads (`workers`), file
 * reads and writes on the libuv pool: the event loop only hashes and copies. close() ends the workers.
 */
export class ImageCache {
  readonly stats: ImageCacheStats = { pixelRenders: 0, thumbnailRenders: 0, hits: 0, corrupt: 0, evicted: 0, writeErrors: 0 };
  private readonly maxBytes: number;
  private readonly pixelKind: Kind;
  private readonly thumbnailKind: Kind;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();
  /** Undefined with `workers: 0`. */
  private readonly pool: RenderPool | undefined;
  /** Bytes in `dir` as this process knows it; rescanned when it passes maxBytes. */
  private totalBytes: number | undefined;
  private closed = false;

  constructor(readonly dir: string, options: ImageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    const side = options.thumbnailSide ?? DEFAULT_THUMBNAIL_SIDE;
    if (!Number.isInteger(side) || side < 1) throw new RangeError(`thumbnail side ${side} is not a positive whole number`);
    const workers = options.workers ?? defaultRenderWorkers();
    if (!Number.isInteger(workers) || workers < 0) throw new RangeError(`workers must be a whole number >= 0, not ${workers}`);
    mkdirSync(dir, { recursive: true });
    this.pool = workers === 0 ? undefined : new RenderPool({ size: workers, queueLimit: options.queueLimit, timeoutMs: options.renderTimeoutMs });
    this.pixelKind = { format: `cxrp${PIXEL_BLOB_VERSION}`, extension: '.cxrp', contentEncoding: PIXEL_BLOB_CONTENT_ENCODING, job: (path) => ({ kind: 'pixels', path }) };
    this.thumbnailKind = { format: `thumb${THUMBNAIL_VERSION}-${side}`, extension: '.png', job: (path) => ({ kind: 'thumbnail', path, side }) };
  }

  /** The render pool's counters; undefined with `workers: 0`. */
  get workerStats(): RenderPoolStats | undefined {
    return this.pool?.stats;
  }

  /**
   * Ends the render workers and waits for the requests under way (they fail with ERR_IMAGE_BUSY if they needed a
   * render); later requests fail with ERR_IMAGE_BUSY. Idempotent.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** The compressed pixel blob (Content-Encoding deflate). `ifNoneMatch`: the request's If-None-Match. */
  pixels(path: string, ifNoneMatch?: string): Promise<CachedImage> {
    return this.get(this.pixelKind, path, ifNoneMatch);
  }

  /** The PNG thumbnail. */
  thumbnail(path: string, ifNoneMatch?: string): Promise<CachedImage> {
    return this.get(this.thumbnailKind, path, ifNoneMatch);
  }

  /** The ETag pixels() would give now (a stat, no read). */
  pixelsEtag(path: string): string {
    return imageEtag(fileStamp(path), this.pixelKind.format);
  }

  thumbnailEtag(path: string): string {
    return imageEtag(fileStamp(path), this.thumbnailKind.format);
  }

  private async get(kind: Kind, path: string, ifNoneMatch: string | undefined): Promise<CachedImage> {
    if (this.closed) throw new ImageError('ERR_IMAGE_BUSY', path, 'the image cache is closed');
    const stamp = fileStamp(path);
    const etag = imageEtag(stamp, kind.format);
    const encoding = kind.contentEncoding === undefined ? {} : { contentEncoding: kind.contentEncoding };
    if (etagMatches(ifNoneMatch, etag)) return { etag, bytes: new Uint8Array(0), ...encoding, notModified: true };
    const name = createHash('sha256').update(etag).digest('hex').slice(0, 40) + kind.extension;
    let pending = this.inFlight.get(name);
    if (!pending) {
      pending = this.load(kind, path, name, () => sameStamp(stamp, fileStamp(path))).finally(() => this.inFlight.delete(name));
      this.inFlight.set(name, pending);
    }
    return { etag, bytes: await pending, ...encoding };
  }

  /** The entry from disk, or rendered and stored (unless the image changed while it was rendered). */
  private async load(kind: Kind, path: string, name: string, unchanged: () => boolean): Promise<Uint8Array> {
    const file = join(this.dir, name);
    const cached = await readCacheFile(file);
    if (cached.state === 'hit') {
      this.stats.hits++;
      const now = new Date();
      await utimes(file, now, now).catch(() => undefined); // most recently used: evicted last
      return cached.payload;
    }
    if (cached.state === 'corrupt') this.stats.corrupt++;
    const bytes = await this.render(kind.job(path));
    if (unchanged()) await this.store(file, name, bytes);
    return bytes;
  }

  private render(job: RenderJob): Promise<Uint8Array> {
    if (job.kind === 'pixels') this.stats.pixelRenders++;
    else this.stats.thumbnailRenders++;
    return this.pool ? this.pool.run(job) : renderJob(job);
  }

  private async store(file: string, name: string, bytes: Uint8Array): Promise<void> {
    try {
      this.totalBytes ??= cacheSize(this.dir);
      this.totalBytes += await writeCacheFile(file, bytes);
      if (this.totalBytes > this.maxBytes) {
        const result = evictOldest(this.dir, Math.floor(this.maxBytes * EVICT_TO), new Set([name]));
        this.stats.evicted += result.removed.length;
        this.totalBytes = result.totalBytes;
      }
    } catch {
      this.stats.writeErrors++;
    }
  }
}
