// What a drag or a wheel turn does to the view, as numbers (the pointer plumbing is interaction.ts). Pure.
import type { VoiWindow } from './types.js';

/**
 * Window/level drag sensitivity: modality units per CSS px, proportional to the image's data range so that a
 * drag across ~1000 px sweeps the whole range whatever the bit depth (12-bit: ~4 per px; 15-bit: ~25 per px).
 */
export const wlUnitsPerPixel = (min: number, max: number): number => Math.max(max - min, 64) / 1024;

/**
 * The window after a drag of (dx, dy) CSS px from `start`: right widens (less contrast), left narrows; down makes
 * the image darker, up brighter, on screen: the centre rises with dy, or falls when the display is inverted
 * (MONOCHROME1 xor the user's invert), where a higher centre would brighten. Width stays >= 1.
 */
export function windowAfterDrag(start: VoiWindow, dx: number, dy: number, unitsPerPixel: number, displayInverted: boolean): VoiWindow {
  return {
    center: start.center + (displayInverted ? -dy : dy) * unitsPerPixel,
    width: Math.max(1, start.width + dx * unitsPerPixel),
  };
}

/** Zoom of a left-button 'zoom' drag: up zooms in, 200 px per doubling. */
export const dragZoomFactor = (dy: number): number => 2 ** (-dy / 200);

/** WheelEvent.deltaMode: 0 pixels, 1 lines, 2 pages. */
export function wheelPixels(deltaY: number, deltaMode: number, pageHeight: number): number {
  return deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * pageHeight : deltaY;
}

/** Zoom of a wheel turn: a notch (100 px) zooms by ~1.19, scrolling down zooms out. */
export const wheelZoomFactor = (deltaPixels: number): number => 2 ** (-Math.max(-500, Math.min(500, deltaPixels)) / 400);

/** Values as the corner text shows them: integers when the range is wide, else 1 or 2 decimals. */
export function formatWindowValue(v: number): string {
  const a = Math.abs(v);
  return a >= 100 || Number.isInteger(v) ? String(Math.round(v)) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
}
