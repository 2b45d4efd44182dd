// Box geometry in image pixels: ordering, clamping to the image, the minimum size, rounding to 0.1 px,
// moving and resizing by a handle (crossing over the opposite side flips the box).
import type { Handle, Rect } from './editor-types.js';
import { MIN_BOX_SIZE } from './tolerances.js';

/** Rounds to 0.1 image px (every coordinate the editor produces is rounded so). */
export const round01 = (v: number): number => Math.round(v * 10) / 10;

/** The upper bound of a coordinate: the image's width or height, or no bound while the size is unknown (0). */
const upper = (size: number): number => (size > 0 ? size : Infinity);

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

export const rectWidth = (r: Rect): number => r.xMax - r.xMin;
export const rectHeight = (r: Rect): number => r.yMax - r.yMin;
export const rectArea = (r: Rect): number => (r.xMax - r.xMin) * (r.yMax - r.yMin);

export function rectEquals(a: Rect, b: Rect): boolean {
  return a.xMin === b.xMin && a.yMin === b.yMin && a.xMax === b.xMax && a.yMax === b.yMax;
}

/** The rectangle spanned by two points, clamped to the image and rounded (it may be empty). */
export function rectFromPoints(ax: number, ay: number, bx: number, by: number, width: number, height: number): Rect {
  const x0 = round01(clamp(ax, 0, upper(width)));
  const x1 = round01(clamp(bx, 0, upper(width)));
  const y0 = round01(clamp(ay, 0, upper(height)));
  const y1 = round01(clamp(by, 0, upper(height)));
  return { xMin: Math.min(x0, x1), yMin: Math.min(y0, y1), xMax: Math.max(x0, x1), yMax: Math.max(y0, y1) };
}

/** One axis of a box made valid: ordered, inside 0..size, at least MIN_BOX_SIZE long (grown inside the image). */
function fixAxis(a: number, b: number, size: number): [number, number] {
  const hi = upper(size);
  let lo = clamp(Math.min(a, b), 0, hi);
  let up = clamp(Math.max(a, b), 0, hi);
  if (up - lo < MIN_BOX_SIZE) {
    up = lo + MIN_BOX_SIZE;
    if (up > hi) {
      up = hi;
      lo = Math.max(0, hi - MIN_BOX_SIZE);
    }
  }
  return [lo, up];
}

/** A rectangle made valid (ordered, clamped, at least 1 px a side) without rounding: for boxes copied in. */
export function normalizeRect<R extends Rect>(r: R, width: number, height: number): R {
  const [xMin, xMax] = fixAxis(r.xMin, r.xMax, width);
  const [yMin, yMax] = fixAxis(r.yMin, r.yMax, height);
  return { ...r, xMin, yMin, xMax, yMax };
}

/** `box` moved by (dx, dy), rounded to 0.1 px, and stopped at the image's edges (its size kept). */
export function moveRect<R extends Rect>(box: R, dx: number, dy: number, width: number, height: number): R {
  const mx = clamp(round01(dx), -box.xMin, upper(width) - box.xMax);
  const my = clamp(round01(dy), -box.yMin, upper(height) - box.yMax);
  if (mx === 0 && my === 0) return box;
  return { ...box, xMin: box.xMin + mx, xMax: box.xMax + mx, yMin: box.yMin + my, yMax: box.yMax + my };
}

/** The point of a handle on a box (edge handles at the edge's middle). */
export function handlePoint(r: Rect, handle: Handle): [number, number] {
  const x = handle.includes('w') ? r.xMin : handle.includes('e') ? r.xMax : (r.xMin + r.xMax) / 2;
  const y = handle.includes('n') ? r.yMin : handle.includes('s') ? r.yMax : (r.yMin + r.yMax) / 2;
  return [x, y];
}

/**
 * One axis of a resize: the dragged edge goes to `p` (clamped, rounded), the other edge (`anchor`) stays.
 * `dir` is +1 when the dragged edge starts above the anchor (e, s), -1 otherwise. Returns the new
 * [min, max] and whether the edge crossed over the anchor.
 */
function resizeAxis(anchor: number, p: number, dir: 1 | -1, size: number): [number, number, boolean] {
  const hi = upper(size);
  let edge = round01(clamp(p, 0, hi));
  const d = edge - anchor;
  const sign = d > 0 ? 1 : d < 0 ? -1 : dir;
  if (Math.abs(d) < MIN_BOX_SIZE) {
    edge = anchor + sign * MIN_BOX_SIZE;
    if (edge > hi) edge = anchor - MIN_BOX_SIZE;
    else if (edge < 0) edge = anchor + MIN_BOX_SIZE;
  }
  return [Math.min(anchor, edge), Math.max(anchor, edge), (edge > anchor ? 1 : -1) !== dir];
}

export interface ResizeResult<R extends Rect> {
  box: R;
  /** The handle the pointer now holds (the grabbed one, mirrored on each axis it crossed over). */
  handle: Handle;
}

/** `box` resized by dragging `handle` to (px, py); the opposite side stays; at least 1 px a side. */
export function resizeRect<R extends Rect>(box: R, handle: Handle, px: number, py: number, width: number, height: number): ResizeResult<R> {
  let { xMin, xMax, yMin, yMax } = box;
  let flipX = false;
  let flipY = false;
  if (handle.includes('e')) [xMin, xMax, flipX] = resizeAxis(box.xMin, px, 1, width);
  else if (handle.includes('w')) [xMin, xMax, flipX] = resizeAxis(box.xMax, px, -1, width);
  if (handle.includes('s')) [yMin, yMax, flipY] = resizeAxis(box.yMin, py, 1, height);
  else if (handle.includes('n')) [yMin, yMax, flipY] = resizeAxis(box.yMax, py, -1, height);
  return { box: { ...box, xMin, xMax, yMin, yMax }, handle: mirrorHandle(handle, flipX, flipY) };
}

const MIRROR_X: Record<string, string> = { e: 'w', w: 'e' };
const MIRROR_Y: Record<string, string> = { n: 's', s: 'n' };

/** A handle mirrored horizontally and/or vertically. */
export function mirrorHandle(handle: Handle, flipX: boolean, flipY: boolean): Handle {
  let out = '';
  for (const c of handle) out += (flipX && MIRROR_X[c]) || (flipY && MIRROR_Y[c]) || c;
  return out as Handle;
}
