// The viewer's User Timing marks (read by the benchmark): cxr:first-frame:<id> once the first frame of an image
// is drawn (the GPU done with it: ImageRenderer.sync), cxr:wl-start when a window change is asked for,
// cxr:wl-frame once it is drawn, with the measure cxr:wl between them (from that frame's own start: a later
// cxr:wl-start mark never shortens it).
const has = typeof performance !== 'undefined' && typeof performance.mark === 'function';

export function markFirstFrame(imageId: number): void {
  if (has) performance.mark(`cxr:first-frame:${imageId}`);
}

/** Marks cxr:wl-start; returns its time for markWlFrame. */
export function markWlStart(): number {
  return has ? performance.mark('cxr:wl-start').startTime : 0;
}

export function markWlFrame(start: number): void {
  if (!has) return;
  const end = performance.mark('cxr:wl-frame').startTime;
  performance.measure('cxr:wl', { start, end });
}
