import type { PixelArray } from '@cxrlab/imaging';
import type { PixelBox } from '../pixel-box.js';

/**
 * The median of sample `sample` over the ring of pixels up to `width` outside `box` (clipped to
 * the frame): the local background. The median ignores the odd stroke that reaches the ring.
 * A box covering the whole frame has no ring; its own median is used.
 */
export function ringMedian(data: PixelArray, rows: number, columns: number, samples: number, sample: number, box: PixelBox, width: number): number {
  const x0 = Math.max(0, box.x - width);
  const y0 = Math.max(0, box.y - width);
  const x1 = Math.min(columns, box.x + box.width + width);
  const y1 = Math.min(rows, box.y + box.height + width);
  const values: number[] = [];
  for (let y = y0; y < y1; y++) {
    const inRows = y >= box.y && y < box.y + box.height;
    for (let x = x0; x < x1; x++) {
      if (inRows && x >= box.x && x < box.x + box.width) {
        x = box.x + box.width - 1;
        continue;
      }
      values.push(data[(y * columns + x) * samples + sample]!);
    }
  }
  if (values.length === 0) {
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) values.push(data[(y * columns + x) * samples + sample]!);
    }
  }
  values.sort((a, b) => a - b);
  return values[values.length >> 1] ?? 0;
}
