// The limits the image quality checks compare their measures with, and their defaults.

/**
 * Limits of the quality checks. Fractions are of 1 (0.05 is 5%). Measures are taken on the
 * frame reduced to at most 256 pixels a side (a box average), in stored values; "the Bits
 * Stored range" is 0..2^bits-1 (or the signed range). Defaults were set on the real fixtures
 * (two CR chests, a hip, a leg) and synthetic chests, which all pass with room to spare.
 */
export interface QualityThresholds {
  /**
   * BLANK_IMAGE (drop) when the robust spread, p99 - p1, is below this fraction of the Bits
   * Stored range. Default 0.005 (0.5%): about 20 grey levels in 12 bits, 1 in 8 bits; real
   * radiographs use 60-99% of the range, and even one using 10 bits of 16 spreads over 1.4%.
   * (An image using 8 bits of a declared 16 does count as blank.)
   */
  blankSpread: number;
  /**
   * BLANK_IMAGE (drop) when the standard deviation is below this fraction of the Bits Stored
   * range. Default 0.001 (0.1%): real radiographs measure 14-37%. A second guard on the same
   * idea from all pixels rather than two percentiles: for noise around a constant p99 - p1 is
   * about 5 std, so this fires about where blankSpread does.
   */
  blankStd: number;
  /**
   * LOW_DYNAMIC_RANGE (review) when p99 - p1 is below this fraction of the Bits Stored range
   * (and the image is not blank). Default 0.03 (3%): data this squeezed shows little contrast
   * when windowed on the header's bit depth; a chest using 12 bits of 16 (4-5%) still passes.
   */
  lowDynamicRange: number;
  /**
   * SATURATED (drop) when more than this fraction of pixels lie within 1% of either end of the
   * image's own range (min..max), both ends together. Default 0.6: the collimated leg and hip
   * fixtures pile 45% and 37% there (white collimator blades, black background), chests under
   * 1%; an image saturated or clipped over most of its area piles far more.
   */
  saturatedFraction: number;
  /**
   * SATURATED (drop) when more than this fraction of pixels are clipped at the top of the Bits
   * Stored range (within 1% of 2^bits-1), counted at full resolution: detector or processing
   * saturation, black (burnt out) in MONOCHROME1. Default 0.4: the real images have at most 2%
   * there. The bottom of the range is not checked: there lie the collimated areas of MONOCHROME1
   * images (42% of the leg fixture) and the background of MONOCHROME2 ones (24% of the hip).
   */
  clippedFraction: number;
  /**
   * INVERTED_SUSPECT (review) when the inversion score reaches this (display grey, 0..1 over
   * p1..p99; see inversion-score.ts). Default 0.2: the two real chests score +0.26 with their
   * photometric interpretation flipped (+0.26 to +0.57 cropped by up to 15% on a side),
   * flipped synthetic chests +0.41 to +0.54; correct chests -0.05 to -0.58, the hip and leg at
   * most +0.16, cropped or not. Only clear inversion is flagged.
   */
  inversionScore: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: Readonly<QualityThresholds> = Object.freeze({
  blankSpread: 0.005,
  blankStd: 0.001,
  lowDynamicRange: 0.03,
  saturatedFraction: 0.6,
  clippedFraction: 0.4,
  inversionScore: 0.2,
});
