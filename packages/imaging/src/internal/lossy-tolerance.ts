import type { PixelArray } from '../pixel/decoded-frame.js';
import type { FrameGolden } from './pixel-goldens.js';

/**
 * How far our decode of a lossy frame may be from GDCM's, per codec family: `maxAbs` on every grid
 * value, `meanAbs` the mean absolute difference over the grid, and the whole-frame means may differ
 * by `meanAbs` too. Lossy decoding is not always defined to the last bit; these bounds are what a
 * second, independent decoder is allowed to differ by, from the measurements recorded in
 * pixels.json (`second_reference_diff`, all 0 with the Debian tools; see goldens/README.md):
 *
 * - JPEG-LS near-lossless (T.87): decoding is integer arithmetic fully fixed by the standard;
 *   GDCM (CharLS 2.4) and dcmdjpls (DCMTK's own CharLS fork) agree bit for bit on RG1/RG2/RG3_JLSN.
 *   Any difference is a bug: 0.
 * - JPEG Baseline / Extended (DCT): ISO 10918-1 leaves the IDCT's exact rounding open (10918-2
 *   accuracy tests allow +-1 per sample); GDCM's IJG 6b and DCMTK's IJG 6b agree bit for bit, but a
 *   conforming decoder with another IDCT (libjpeg-turbo SIMD, float) may be off by one on a few
 *   samples: 1, mean 0.05. Same for the YCbCr->RGB step (fixed-point in libjpeg, float32 in
 *   pydicom; Pillow's RGB and pydicom's agree bit for bit on SC_rgb_jpeg_dcmtk).
 * - JPEG 2000 irreversible (9/7 in floating point): GDCM and opj_decompress agree bit for bit (both
 *   libopenjp2 2.5.0: no independent Part 1 decoder is in Debian); rounding of the float wavelet
 *   may flip a sample by one between builds: 1, mean 0.05.
 *
 * All are far below what a real mistake costs: a wrong byte order, unmasked high bits, a frame or
 * row offset, or YCbCr left unconverted each fail (checked in decode-golden.test.ts).
 */
export const LOSSY_TOLERANCE: Record<string, { maxAbs: number; meanAbs: number }> = {
  'jpeg-ls-near': { maxAbs: 0, meanAbs: 0 },
  'jpeg-baseline': { maxAbs: 1, meanAbs: 0.05 },
  'jpeg-extended': { maxAbs: 1, meanAbs: 0.05 },
  'jpeg2000': { maxAbs: 1, meanAbs: 0.05 },
  'htj2k': { maxAbs: 1, meanAbs: 0.05 },
};

export interface LossyDiff {
  maxAbs: number;
  meanAbs: number;
  /** |mean of our whole frame - the reference's| (the reference mean has 4 decimals). */
  meanDelta: number;
}

/** Compares our frame with a lossy golden's grid and mean. */
export function lossyDiff(data: ArrayLike<number>, golden: FrameGolden, columns: number, samples: number): LossyDiff {
  const { step, values } = golden.grid!;
  const rows = golden.shape[0]!;
  let at = 0;
  let maxAbs = 0;
  let sumAbs = 0;
  for (let r = 0; r < rows; r += step) {
    for (let c = 0; c < columns; c += step) {
      for (let s = 0; s < samples; s++) {
        const d = Math.abs(data[(r * columns + c) * samples + s]! - values[at++]!);
        if (d > maxAbs) maxAbs = d;
        sumAbs += d;
      }
    }
  }
  if (at !== values.length) throw new Error(`grid has ${values.length} values; the frame gives ${at}`);
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]!;
  return { maxAbs, meanAbs: sumAbs / at, meanDelta: Math.abs(sum / data.length - golden.mean!) };
}

export function withinTolerance(diff: LossyDiff, family: string): boolean {
  const tolerance = LOSSY_TOLERANCE[family];
  if (!tolerance) throw new Error(`no tolerance for codec family ${family}`);
  return diff.maxAbs <= tolerance.maxAbs && diff.meanAbs <= tolerance.meanAbs && diff.meanDelta <= tolerance.meanAbs + 5e-5;
}
