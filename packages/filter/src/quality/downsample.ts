// Box-average reduction of a decoded monochrome frame to a small grey image of stored values.
import type { DecodedFrame } from '@cxrlab/imaging';

/** A small grey image: stored values (averaged, so fractional), row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Float32Array;
}

/** The longest side of the reduced image unless told otherwise. */
export const DEFAULT_MAX_SIDE = 256;

/**
 * Reduces `frame` by a whole factor f = ceil(longest side / maxSide): each output pixel is the
 * mean of an f x f block of stored values. The last block of a row or column may be cut short by
 * the edge and is the mean of the pixels it holds. One pass over the data. Frames no larger than
 * `maxSide` come back at full size (as floats). Only single-sample (monochrome) frames.
 */
export function downsample(frame: DecodedFrame, maxSide = DEFAULT_MAX_SIDE): GreyImage {
  const { rows, columns, data } = frame;
  if (frame.samplesPerPixel !== 1) throw new RangeError(`downsample needs one sample per pixel (got ${frame.samplesPerPixel})`);
  if (!Number.isInteger(maxSide) || maxSide < 1) throw new RangeError(`maxSide must be a whole number from 1 (got ${maxSide})`);
  if (rows < 1 || columns < 1 || data.length < rows * columns) throw new RangeError(`a ${rows}x${columns} frame needs ${rows * columns} values (got ${data.length})`);
  const f = Math.max(1, Math.ceil(Math.max(rows, columns) / maxSide));
  const width = Math.ceil(columns / f);
  const height = Math.ceil(rows / f);
  const out = new Float32Array(width * height);
  const sums = new Float64Array(width);
  // Columns in the last block (may be fewer than f).
  const lastWidth = columns - (width - 1) * f;
  for (let oy = 0; oy < height; oy++) {
    const y0 = oy * f;
    const y1 = Math.min(rows, y0 + f);
    sums.fill(0);
    for (let y = y0; y < y1; y++) {
      let i = y * columns;
      for (let ox = 0; ox < width; ox++) {
        const end = i + (ox === width - 1 ? lastWidth : f);
        // Two sums, two pixels a step: about 10% faster than one; exact for integers either way.
        let s = 0;
        let t = 0;
        for (; i + 1 < end; i += 2) {
          s += data[i]!;
          t += data[i + 1]!;
        }
        if (i < end) s += data[i++]!;
        sums[ox]! += s + t;
      }
    }
    const blockRows = y1 - y0;
    const o = oy * width;
    for (let ox = 0; ox < width; ox++) out[o + ox] = sums[ox]! / (blockRows * (ox === width - 1 ? lastWidth : f));
  }
  return { width, height, data: out };
}
