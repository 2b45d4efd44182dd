// ViewState helpers: equality (the viewer ignores a props.view equal to what it shows) and the state a new
// image opens with. Pure.
import { formatWindowValue } from './gestures.js';
import type { PixelImage, ViewState, VoiWindow } from './types.js';
import { sameViewport } from './viewport.js';

export const sameWindow = (a: VoiWindow, b: VoiWindow): boolean => a.center === b.center && a.width === b.width;

export const sameView = (a: ViewState, b: ViewState): boolean => a === b || (a.invert === b.invert && sameWindow(a.window, b.window) && sameViewport(a.viewport, b.viewport));

/**
 * The view a new image opens with: `window` (defaultWindow(image, header)), no invert, and a viewport of scale 0,
 * which the viewer replaces by the fitted one as soon as it knows its size (reported through onViewChange).
 */
export function openingView(window: VoiWindow): ViewState {
  return { window, invert: false, viewport: { scale: 0, x: 0, y: 0 } };
}

/** True while the viewport is still "fit me" (scale <= 0, or not finite). */
export const needsFit = (view: ViewState): boolean => !(view.viewport.scale > 0 && Number.isFinite(view.viewport.scale));

/** The corner texts: W/L bottom left; zoom (100% = one image pixel per device pixel) and size bottom right. */
export function cornerText(image: PixelImage, view: ViewState, devicePerCss: number): { bottomLeft: string; bottomRight: string } {
  const zoom = view.viewport.scale * devicePerCss * 100;
  const inverted = view.invert ? '  INV' : '';
  return {
    bottomLeft: `W ${formatWindowValue(view.window.width)}  L ${formatWindowValue(view.window.center)}${inverted}`,
    bottomRight: `${zoom >= 10 ? Math.round(zoom) : zoom.toFixed(1)}%\n${image.width} \u00d7 ${image.height}  ${image.bitsStored}-bit`,
  };
}
