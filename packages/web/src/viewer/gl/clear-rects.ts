// What a frame must clear: the drawing buffer outside the image's rectangle (the image pass covers the rest).
// On software GL a full 1920x1040 clear costs as much as the windowing shader over the image (see
// image-renderer.ts), so clearing only the strips around the image halves a W/L frame's fill work at fit.

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The strips of a W x H buffer (GL's bottom-up y) outside the device-px rectangle [x0, x1) x [y0, y1) given
 * top-down; the rectangle is shrunk inwards to whole pixels (a partly covered edge pixel is cleared, then drawn).
 */
export function clearRects(W: number, H: number, x0: number, y0: number, x1: number, y1: number): PixelRect[] {
  const l = Math.max(0, Math.min(W, Math.ceil(x0)));
  const r = Math.max(l, Math.min(W, Math.floor(x1)));
  const t = Math.max(0, Math.min(H, Math.ceil(y0)));
  const b = Math.max(t, Math.min(H, Math.floor(y1)));
  if (r <= l || b <= t) return [{ x: 0, y: 0, width: W, height: H }];
  const out: PixelRect[] = [];
  if (t > 0) out.push({ x: 0, y: H - t, width: W, height: t }); // top strip
  if (b < H) out.push({ x: 0, y: 0, width: W, height: H - b }); // bottom strip
  if (l > 0) out.push({ x: 0, y: H - b, width: l, height: b - t }); // left
  if (r < W) out.push({ x: r, y: H - b, width: W - r, height: b - t }); // right
  return out;
}
