import type { DecodedFrame } from '@cxrlab/imaging';
import type { PixelBox } from './pixel-box.js';
import { ringMedian } from './internal/ring-median.js';

/** Width in pixels of the ring outside a box whose median is the fill value. */
const RING = 2;

/**
 * Blanks burned-in text: every sample inside each box is set to the local background, the
 * median of that sample over a thin ring just outside the box, so the box reads as a flat patch
 * of the surrounding grey and no stroke survives. Pixels outside the boxes are not touched.
 * Changes `frame.data` in place (copy it first when it views a file's bytes); boxes are clipped
 * to the frame. Returns the fill value of each box (of its first sample).
 */
export function blankRegions(frame: DecodedFrame, boxes: readonly PixelBox[]): number[] {
  const { rows, columns, samplesPerPixel: samples, data } = frame;
  return boxes.map((box) => {
    const x0 = Math.max(0, box.x);
    const y0 = Math.max(0, box.y);
    const x1 = Math.min(columns, box.x + box.width);
    const y1 = Math.min(rows, box.y + box.height);
    if (x1 <= x0 || y1 <= y0) return NaN;
    const clipped = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    const fills = Array.from({ length: samples }, (_, s) => ringMedian(data, rows, columns, samples, s, clipped, RING));
    for (let y = y0; y < y1; y++) {
      if (samples === 1) {
        data.fill(fills[0]!, y * columns + x0, y * columns + x1);
        continue;
      }
      for (let i = (y * columns + x0) * samples, end = (y * columns + x1) * samples; i < end; i += samples) {
        for (let s = 0; s < samples; s++) data[i + s] = fills[s]!;
      }
    }
    return fills[0]!;
  });
}
