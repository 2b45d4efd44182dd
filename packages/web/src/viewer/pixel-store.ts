// PLACEHOLDER (viewer/ owns it): fetch + decode /api/images/:id/pixels, with a small cache for prefetching.
import type { PixelImage } from './types.js';

/** The decoded pixels of an image (from the cache when prefetched). */
export function loadPixels(imageRowId: number, signal?: AbortSignal): Promise<PixelImage> {
  void imageRowId;
  void signal;
  return Promise.reject(new Error('not built yet'));
}

/** Starts loading an image's pixels in the background (for the next task). */
export function prefetchPixels(imageRowId: number): void {
  void imageRowId;
}

/** The pixels if they are already decoded. */
export function cachedPixels(imageRowId: number): PixelImage | undefined {
  void imageRowId;
  return undefined;
}
