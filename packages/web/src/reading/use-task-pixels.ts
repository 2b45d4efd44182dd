// The decoded pixels of the task's image: at once when prefetched (cachedPixels), else loaded; the last
// image stays on screen until the new one is ready.
import { useEffect, useState } from 'react';
import { cachedPixels, loadPixels, type PixelImage } from '../viewer/index.js';

export interface TaskPixels {
  /** The pixels of `imageId`, or null while they load (or failed). */
  pixels: PixelImage | null;
  error: unknown;
}

export function useTaskPixels(imageId: number | undefined): TaskPixels {
  const [state, setState] = useState<{ id: number | undefined; pixels: PixelImage | null; error: unknown }>(() => ({
    id: imageId,
    pixels: imageId === undefined ? null : (cachedPixels(imageId) ?? null),
    error: undefined,
  }));
  // A new image already decoded: switch in this very render (no frame without it).
  let current = state;
  if (state.id !== imageId) {
    current = { id: imageId, pixels: imageId === undefined ? null : (cachedPixels(imageId) ?? null), error: undefined };
    setState(current);
  }
  useEffect(() => {
    if (imageId === undefined || current.pixels?.id === imageId) return;
    const controller = new AbortController();
    loadPixels(imageId, controller.signal).then(
      (pixels) => setState((s) => (s.id === imageId ? { ...s, pixels, error: undefined } : s)),
      (error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState((s) => (s.id === imageId ? { ...s, error } : s));
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [imageId]);
  return { pixels: current.pixels?.id === imageId ? current.pixels : null, error: current.error };
}
