// The on-disk cache of what the image routes send: compressed pixel blobs and PNG thumbnails, by ETag.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheSize, evictOldest } from './cache-eviction.js';
import { readCacheFile, writeCacheFile } from './cache-file.js';
import { etagMatches, fileStamp, imageEtag, sameStamp } from './image-etag.js';
import { PIXEL_BLOB_CONTENT_ENCODING, PIXEL_BLOB_VERSION, encodePixelBlob } from './pixel-blob-format.js';
import { renderPixelBlob } from './pixel-blob.js';
import { DEFAULT_THUMBNAIL_SIDE, THUMBNAIL_VERSION, renderThumbnail } from './thumbnail.js';

export interface ImageCacheOptions {
  /** Bound on the folder's total size (default 2 GiB); the least recently used entries are removed beyond it. */
  maxBytes?: number;
  /** Longer side of thumbnails (default 256). */
  thumbnailSide?: number;
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

interface Kind {
  format: string;
  extension: string;
  contentEncoding?: string;
  render(path: string): Promise<Uint8Array>;
}

/**
 * Caches encoded pixel blobs and thumbnails under `dir`, one file per ETag (named by its hash), written
 * atomically with a CRC trailer; a damaged file is rendered again. Concurrent requests for one entry share
 * one read or render. The ETag comes from the image file's path, size and modification time, so a changed
 * file is rendered again and its old entry ages out.
 */
export class ImageCache {
  readonly stats: ImageCacheStats = { pixelRenders: 0, thumbnailRenders: 0, hits: 0, corrupt: 0, evicted: 0, writeErrors: 0 };
  private readonly maxBytes: number;
  private readonly pixelKind: Kind;
  private readonly thumbnailKind: Kind;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();
  /** Bytes in `dir` as this process knows it; rescanned when it passes maxBytes. */
  private totalBytes: number | undefined;

  constructor(readonly dir: string, options: ImageCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    const side = options.thumbnailSide ?? DEFAULT_THUMBNAIL_SIDE;
    mkdirSync(dir, { recursive: true });
    this.pixelKind = {
      format: `cxrp${PIXEL_BLOB_VERSION}`,
      extension: '.cxrp',
      contentEncoding: PIXEL_BLOB_CONTENT_ENCODING,
      render: async (path) => {
        this.stats.pixelRenders++;
        return encodePixelBlob(await renderPixelBlob(path));
      },
    };
    this.thumbnailKind = {
      format: `thumb${THUMBNAIL_VERSION}-${side}`,
      extension: '.png',
      render: (path) => {
        this.stats.thumbnailRenders++;
        return renderThumbnail(path, side);
      },
    };
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
    const bytes = await kind.render(path);
    if (unchanged()) this.store(file, name, bytes);
    return bytes;
  }

  private store(file: string, name: string, bytes: Uint8Array): void {
    try {
      const written = writeCacheFile(file, bytes);
      this.totalBytes = (this.totalBytes ?? cacheSize(this.dir) - written) + written;
      if (this.totalBytes > this.maxBytes) {
        const result = evictOldest(this.dir, this.maxBytes, new Set([name]));
        this.stats.evicted += result.removed.length;
        this.totalBytes = result.totalBytes;
      }
    } catch {
      this.stats.writeErrors++;
    }
  }
}
