/** An axis-aligned rectangle of a frame, in pixels: columns x .. x + width - 1, rows y .. y + height - 1. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
