// The decoded pixels of the images being read: fetched from /api/images/:id/pixels and decoded in a worker
// (pixel-worker-client.ts), kept in a small LRU cache so that the next task's image, prefetched in the background,
// shows at once. Concurrent loads of one image share one request.
//
// Why a worker: on a 2788x2446 image unfiltering, the histogram and the zoom-out levels take 60-150 ms of
// JavaScript (headless Chromium, 2 busy cores); on the main thread that is a long task, i.e. frames dropped during
// a W/L drag or an annotation. The worker fetches the blob itself and decodes it while it streams in
// (pixel-assembler.ts): the image is ready ~1 ms after its last byte (against 60-150 ms after it when fetched
// whole, then decoded), and the page only receives transferred buffers (no long task at all).
import { decodePixelBytes } from './pixel-decode.js';
import { fetchPixelBytes, pixelsPath } from './pixel-fetch.js';
import { DecodeWorkerError, loadInWorker } from './pixel-worker-client.js';
import { LruCache } from './lru-cache.js';
import type { PixelImage } from './types.js';

/** Decoded images kept (a 2788x2446 image with its levels is ~18 MB). */
export const PIXEL_CACHE_IMAGES = 4;

const cache = new LruCache<number, PixelImage>(PIXEL_CACHE_IMAGES);

interface Flight {
  promise: Promise<PixelImage>;
  controller: AbortController;
  /** Callers still waiting (a prefetch holds one for good). */
  waiting: number;
}
const inFlight = new Map<number, Flight>();

function start(id: number, priority: 'high' | 'low'): Flight {
  const controller = new AbortController();
  const started = performance.mark(`cxr:pixels-start:${id}`).startTime;
  const run = async (): Promise<PixelImage> => {
    let image: PixelImage;
    try {
      image = await loadInWorker(id, pixelsPath(id), priority, controller.signal);
    } catch (error) {
      if (!(error instanceof DecodeWorkerError)) throw error;
      // no worker: fetch and decode on this thread (a second fetch is served by the HTTP cache)
      image = await decodePixelBytes(id, await fetchPixelBytes(id, controller.signal, priority));
    }
    if (controller.signal.aborted) throw abortError();
    cache.set(id, image);
    const ready = performance.mark(`cxr:pixels-ready:${id}`).startTime;
    performance.measure(`cxr:pixels:${id}`, { start: started, end: ready });
    return image;
  };
  const flight: Flight = { promise: run(), controller, waiting: 0 };
  inFlight.set(id, flight);
  // Failed or done: the next load starts afresh (a failed prefetch is retried by the load that needs it).
  flight.promise.then(
    () => inFlight.delete(id),
    () => inFlight.delete(id),
  );
  return flight;
}

const abortError = (): Error => new DOMException('the pixel load was aborted', 'AbortError');

/**
 * The decoded pixels of an image: from the cache, else joining a load in flight (a prefetch), else fetching.
 * Aborting `signal` rejects this call with an AbortError; the request itself stops when nobody else waits.
 * Errors: ApiError (HTTP, network), PixelBlobError (a malformed blob: names the field and byte).
 */
export function loadPixels(imageRowId: number, signal?: AbortSignal): Promise<PixelImage> {
  const hit = cache.get(imageRowId);
  if (hit) return Promise.resolve(hit);
  if (signal?.aborted) return Promise.reject(abortError());
  const flight = inFlight.get(imageRowId) ?? start(imageRowId, 'high');
  flight.waiting++;
  if (!signal) return flight.promise;
  return new Promise<PixelImage>((resolve, reject) => {
    const onAbort = () => {
      reject(abortError());
      if (--flight.waiting === 0) flight.controller.abort();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    flight.promise.then(
      (image) => {
        signal.removeEventListener('abort', onAbort);
        resolve(image);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}

/** Starts loading an image's pixels in the background (for the next task); errors are dropped (a later load retries). */
export function prefetchPixels(imageRowId: number): void {
  if (cache.has(imageRowId)) return;
  const flight = inFlight.get(imageRowId) ?? start(imageRowId, 'low');
  flight.waiting++; // never released: a prefetch is not aborted
  flight.promise.catch(() => undefined);
}

/** The pixels if they are already decoded. */
export function cachedPixels(imageRowId: number): PixelImage | undefined {
  return cache.get(imageRowId);
}

/** True while the image's pixels are being fetched or decoded. */
export function pixelsLoading(imageRowId: number): boolean {
  return inFlight.has(imageRowId);
}

/** Drops every cached image and aborts the loads in flight (logout). */
export function clearPixelCache(): void {
  cache.clear();
  for (const flight of inFlight.values()) flight.controller.abort();
  inFlight.clear();
}
