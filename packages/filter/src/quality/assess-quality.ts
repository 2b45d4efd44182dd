// Image quality checks on a decoded frame: blank, saturated, low dynamic range, inverted.
import type { DecodedFrame } from '@cxrlab/imaging';
import type { Finding } from '../decision/reasons.js';
import { downsample } from './downsample.js';
import { EXTREME_TOLERANCE, measureQuality, type QualityMeasures } from './quality-measures.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from './quality-thresholds.js';

export { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from './quality-thresholds.js';
export type { QualityMeasures } from './quality-measures.js';

export interface QualityAssessment {
  findings: Finding[];
  measures: QualityMeasures;
}

/**
 * Measures `frame` (single sample, stored values) on a box-averaged copy at most 256 pixels a
 * side and compares the measures with the thresholds. Each check stands alone, so an image can
 * have several findings, except that a blank image gets BLANK_IMAGE only: on a near-constant
 * image the other measures are noise. Throws a RangeError for a frame of more than one sample.
 */
export function assessQuality(frame: DecodedFrame, options: Partial<QualityThresholds> = {}): QualityAssessment {
  const t: QualityThresholds = { ...DEFAULT_QUALITY_THRESHOLDS, ...definedOnly(options) };
  const m = measureQuality(frame, downsample(frame));
  const findings: Finding[] = [];
  const spread = `robust spread p99 - p1 is ${percent(m.spreadFraction)} of the Bits Stored range`;

  if (m.spreadFraction < t.blankSpread) {
    findings.push({ code: 'BLANK_IMAGE', detail: `${spread} (limit ${percent(t.blankSpread)})` });
  } else if (m.stdFraction < t.blankStd) {
    findings.push({ code: 'BLANK_IMAGE', detail: `standard deviation is ${percent(m.stdFraction)} of the Bits Stored range (limit ${percent(t.blankStd)})` });
  }
  if (findings.length > 0) return { findings, measures: m };

  // One SATURATED finding, giving each measure that exceeds its limit.
  const saturated: string[] = [];
  const piled = m.nearImageMin + m.nearImageMax;
  if (piled > t.saturatedFraction) {
    saturated.push(`${percent(piled)} of pixels within ${percent(EXTREME_TOLERANCE)} of the ends of the image's range (limit ${percent(t.saturatedFraction)})`);
  }
  if (m.atRangeMax > t.clippedFraction) {
    saturated.push(`${percent(m.atRangeMax)} of pixels clipped within ${percent(EXTREME_TOLERANCE)} of the Bits Stored maximum ${m.rangeMax} (limit ${percent(t.clippedFraction)})`);
  }
  if (saturated.length > 0) findings.push({ code: 'SATURATED', detail: saturated.join('; ') });
  if (m.spreadFraction < t.lowDynamicRange) {
    findings.push({ code: 'LOW_DYNAMIC_RANGE', detail: `${spread} (limit ${percent(t.lowDynamicRange)})` });
  }
  if (m.inversion >= t.inversionScore) {
    findings.push({
      code: 'INVERTED_SUSPECT',
      detail: `inversion score ${m.inversion.toFixed(2)} (limit ${t.inversionScore}): shown as ${frame.photometricInterpretation}, both lung fields are brighter than the mediastinum and than the abdomen`,
    });
  }
  return { findings, measures: m };
}

/** Options given as undefined keep their default. */
function definedOnly(options: Partial<QualityThresholds>): Partial<QualityThresholds> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** 0.987 -> "98.7%", 0.005 -> "0.5%", 0.000234 -> "0.0234%". */
function percent(fraction: number): string {
  return `${+(fraction * 100).toPrecision(3)}%`;
}
