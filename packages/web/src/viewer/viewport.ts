// Image <-> screen mapping of the viewer (Viewport: screen = (x, y) + image * scale, in CSS px inside the viewer,
// image pixel (0, 0) spanning [0, 1) x [0, 1)). Pure.
import type { ImagePoint, Viewport } from './types.js';

/** Zoom limits, CSS px per image px: a 3000 px image in ~50 px, and 1 image px as 64 CSS px. */
export const MIN_SCALE = 1 / 64;
export const MAX_SCALE = 64;

export const clampScale = (scale: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The whole image centred in a viewW x viewH view, as large as fits. A degenerate view or image gives scale 1 at 0, 0. */
export function fitViewport(imageW: number, imageH: number, viewW: number, viewH: number): Viewport {
  if (!(imageW > 0 && imageH > 0 && viewW > 0 && viewH > 0)) return { scale: 1, x: 0, y: 0 };
  const scale = clampScale(Math.min(viewW / imageW, viewH / imageH));
  return { scale, x: (viewW - imageW * scale) / 2, y: (viewH - imageH * scale) / 2 };
}

/** Zooms by `factor` keeping the image point under the screen point `point` where it is (the result is clamped). */
export function zoomAround(viewport: Viewport, point: ImagePoint, factor: number): Viewport {
  const scale = clampScale(viewport.scale * factor);
  const k = scale / viewport.scale;
  return { scale, x: point.x - (point.x - viewport.x) * k, y: point.y - (point.y - viewport.y) * k };
}

/** Zooms to an absolute scale around a screen point. */
export function zoomTo(viewport: Viewport, point: ImagePoint, scale: number): Viewport {
  return zoomAround(viewport, point, scale / viewport.scale);
}

export function panBy(viewport: Viewport, dx: number, dy: number): Viewport {
  return { scale: viewport.scale, x: viewport.x + dx, y: viewport.y + dy };
}

/** The image point under a screen point (CSS px inside the viewer). */
export function screenToImage(viewport: Viewport, point: ImagePoint): ImagePoint {
  return { x: (point.x - viewport.x) / viewport.scale, y: (point.y - viewport.y) / viewport.scale };
}

/** The screen point (CSS px inside the viewer) of an image point. */
export function imageToScreen(viewport: Viewport, point: ImagePoint): ImagePoint {
  return { x: viewport.x + point.x * viewport.scale, y: viewport.y + point.y * viewport.scale };
}

/** 1 image pixel per device pixel (scale = 1 / devicePixelRatio), the view centre's image point kept. */
export function actualSizeViewport(viewport: Viewport, viewW: number, viewH: number, devicePixelRatio: number): Viewport {
  return zoomTo(viewport, { x: viewW / 2, y: viewH / 2 }, 1 / (devicePixelRatio > 0 ? devicePixelRatio : 1));
}

export const sameViewport = (a: Viewport, b: Viewport): boolean => a.scale === b.scale && a.x === b.x && a.y === b.y;
