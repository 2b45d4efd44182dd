// Exposure measures of a frame: robust range, spread, piles at the extremes, clipping, inversion.
import type { DecodedFrame } from '@cxrlab/imaging';
import type { GreyImage } from './downsample.js';
import { inversionScore } from './inversion-score.js';
import { percentiles } from './percentile.js';

/** Measures of one image; values are stored values of the downsampled image unless said otherwise. */
export interface QualityMeasures {
  /** Size of the downsampled image the measures come from. */
  width: number;
  height: number;
  min: number;
  max: number;
  /** 1st and 99th percentiles: the robust range. */
  p1: number;
  p99: number;
  mean: number;
  std: number;
  /** The range Bits Stored allows: 0..2^bits-1, or -2^(bits-1)..2^(bits-1)-1 when signed. */
  rangeMin: number;
  rangeMax: number;
  /** (p99 - p1) over (rangeMax - rangeMin): how much of the Bits Stored range the image uses. */
  spreadFraction: number;
  /** std over (rangeMax - rangeMin). */
  stdFraction: number;
  /** Fractions of pixels within EXTREME_TOLERANCE of the image's own (max - min) of its min, of its max. */
  nearImageMin: number;
  nearImageMax: number;
  /**
   * Fractions of pixels within EXTREME_TOLERANCE of the Bits Stored range of rangeMin, of rangeMax,
   * counted on single pixels of the full frame (clipping is a property of pixels, which box
   * averages hide), sampled on an even grid of at most SAMPLE_SIDE x SAMPLE_SIDE.
   */
  atRangeMin: number;
  atRangeMax: number;
  /** How strongly the image looks inverted for its photometric interpretation (inversion-score.ts); 0 unless MONOCHROME1/2. */
  inversion: number;
}

/** "Near an extreme": within this fraction of the range (1%). */
export const EXTREME_TOLERANCE = 0.01;

/** The Bits Stored range of a frame. */
export function storedRange(bitsStored: number, signed: boolean): { rangeMin: number; rangeMax: number } {
  return signed ? { rangeMin: -(2 ** (bitsStored - 1)), rangeMax: 2 ** (bitsStored - 1) - 1 } : { rangeMin: 0, rangeMax: 2 ** bitsStored - 1 };
}

/** The clipping fractions sample at most this many rows and columns of the full frame. */
export const SAMPLE_SIDE = 256;

/** Measures `image`, the downsampled `frame` (downsample.ts), and a sample of the frame's rows. */
export function measureQuality(frame: DecodedFrame, image: GreyImage): QualityMeasures {
  const { data, width, height } = image;
  const n = data.length;
  const { rangeMin, rangeMax } = storedRange(frame.bitsStored, frame.signed);
  const span = Math.max(1, rangeMax - rangeMin);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (data[i]! - mean) ** 2;
  const std = Math.sqrt(squares / n);
  const [p1, p99] = percentiles(data, [0.01, 0.99]) as [number, number];
  const photometric = frame.photometricInterpretation;
  const monochrome = photometric === 'MONOCHROME1' || photometric === 'MONOCHROME2';

  const own = (max - min) * EXTREME_TOLERANCE;
  const full = span * EXTREME_TOLERANCE;
  let nearMin = 0;
  let nearMax = 0;
  for (let i = 0; i < n; i++) {
    const v = data[i]!;
    if (v <= min + own) nearMin++;
    if (v >= max - own) nearMax++;
  }
  const ends = rangeEnds(frame, rangeMin + full, rangeMax - full);
  return {
    width,
    height,
    min,
    max,
    p1,
    p99,
    mean,
    std,
    rangeMin,
    rangeMax,
    spreadFraction: (p99 - p1) / span,
    stdFraction: std / span,
    nearImageMin: nearMin / n,
    nearImageMax: nearMax / n,
    atRangeMin: ends.low,
    atRangeMax: ends.high,
    inversion: monochrome ? inversionScore(image, p1, p99, photometric === 'MONOCHROME1') : 0,
  };
}

/** Fractions of a grid of pixels (SAMPLE_SIDE x SAMPLE_SIDE at most) at or below `low`, at or above `high`. */
function rangeEnds(frame: DecodedFrame, low: number, high: number): { low: number; high: number } {
  const { rows, columns, data } = frame;
  const sy = Math.max(1, Math.ceil(rows / SAMPLE_SIDE));
  const sx = Math.max(1, Math.ceil(columns / SAMPLE_SIDE));
  let below = 0;
  let above = 0;
  let count = 0;
  for (let y = sy >> 1; y < rows; y += sy) {
    for (let i = y * columns + (sx >> 1), end = (y + 1) * columns; i < end; i += sx, count++) {
      const v = data[i]!;
      if (v <= low) below++;
      else if (v >= high) above++;
    }
  }
  return { low: below / count, high: above / count };
}
