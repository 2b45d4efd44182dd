import type { PixelArray } from '@cxrlab/imaging';

/** About this many pixels are sampled: enough for stable percentiles, cheap beside a full pass. */
const SAMPLES = 250_000;

export interface ValueStatistics {
  /** The 99.5th minus the 0.5th percentile of the values (at least 1). */
  spread: number;
  /** The median absolute difference between horizontal neighbours: the pixel noise, roughly. */
  noise: number;
}

/**
 * The robust range and the noise of a frame, from a regular subsample. Step thresholds derive
 * from them, so that detection depends neither on Bits Stored, nor on the photometric
 * interpretation, nor on a few extreme pixels, and a flat noisy image does not look like text.
 */
export function valueStatistics(values: PixelArray, rows: number, columns: number): ValueStatistics {
  const stride = Math.max(1, Math.floor(Math.sqrt((rows * columns) / SAMPLES)));
  let min = Infinity;
  let max = -Infinity;
  for (let y = 0; y < rows; y += stride) {
    for (let i = y * columns, end = i + columns; i < end; i += stride) {
      const v = values[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!(max > min)) return { spread: 1, noise: 0 };
  const binWidth = Math.max(1, Math.ceil((max - min + 1) / 65536));
  const counts = new Uint32Array(Math.floor((max - min) / binWidth) + 1);
  const differences = new Uint32Array(4096);
  let total = 0;
  let pairs = 0;
  for (let y = 0; y < rows; y += stride) {
    for (let i = y * columns, end = i + columns; i < end; i += stride) {
      counts[Math.floor((values[i]! - min) / binWidth)]!++;
      total++;
      if (i + 1 < end) {
        differences[Math.min(4095, Math.abs(values[i + 1]! - values[i]!))]!++;
        pairs++;
      }
    }
  }
  const spread = (percentileBin(counts, total * 0.995) - percentileBin(counts, total * 0.005)) * binWidth;
  return { spread: Math.max(1, spread), noise: percentileBin(differences, pairs * 0.5) };
}

function percentileBin(counts: Uint32Array, rank: number): number {
  let seen = 0;
  for (let b = 0; b < counts.length; b++) {
    seen += counts[b]!;
    if (seen > rank) return b;
  }
  return counts.length - 1;
}
