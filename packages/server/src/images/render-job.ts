// What a renderer does for the cache: one image file to an encoded pixel blob or a PNG thumbnail.
import { ImageError, imageErrorFrom } from './image-error.js';
import { encodePixelBlob, encodePixelBlobSync } from './pixel-blob-format.js';
import { renderPixelBlob } from './pixel-blob.js';
import { renderThumbnail } from './thumbnail.js';

/** A render, as plain data (it crosses to a worker thread). */
export type RenderJob = { kind: 'pixels'; path: string } | { kind: 'thumbnail'; path: string; side: number };

/**
 * Renders a job: the compressed pixel blob (encodePixelBlob) or the PNG thumbnail (renderThumbnail).
 * `blockingDeflate`: compress in this thread rather than on the libuv pool (for worker threads).
 * Throws ImageError only.
 */
export async function renderJob(job: RenderJob, options: { blockingDeflate?: boolean } = {}): Promise<Buffer> {
  try {
    if (job.kind === 'thumbnail') return asBuffer(await renderThumbnail(job.path, job.side));
    const blob = await renderPixelBlob(job.path);
    return asBuffer(options.blockingDeflate ? encodePixelBlobSync(blob) : await encodePixelBlob(blob));
  } catch (error) {
    throw error instanceof ImageError ? error : imageErrorFrom(error, job.path, 'ERR_IMAGE_PIXELS', 'cannot render');
  }
}

/** The same bytes as a Buffer (a view, no copy), as cache hits come back from disk. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
