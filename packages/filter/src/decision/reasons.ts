// Every reason the filter can give for not keeping an image: a stable code for the manifest and
// scripts, the decision it leads to, and what it means (docs/filter.md lists the same table).

/** keep: nothing found; review: a person should look; drop: not an adult frontal chest X-ray. */
export type Decision = 'keep' | 'review' | 'drop';

export const REASONS = {
  UNREADABLE: { decision: 'drop', meaning: 'the file could not be read as DICOM (the error is given)' },
  NOT_IMAGE: { decision: 'drop', meaning: 'no Pixel Data (a structured report, presentation state, DICOMDIR...)' },
  MODALITY_NOT_XRAY: { decision: 'drop', meaning: 'Modality is present and not a projection radiograph (CR, DX, DR by default)' },
  MODALITY_MISSING: { decision: 'review', meaning: 'no Modality: nothing says this is a radiograph' },
  BODY_PART_NOT_CHEST: { decision: 'drop', meaning: 'Body Part Examined is present and names no chest (CHEST, THORAX and local spellings)' },
  VIEW_LATERAL: { decision: 'drop', meaning: 'View Position (or the View Code Sequence) says lateral' },
  VIEW_LATERAL_HINT: { decision: 'review', meaning: 'a description, protocol name or Image Laterality hints at a lateral or one-sided view' },
  AGE_UNDER_MIN: { decision: 'drop', meaning: 'Patient Age (or birth date to study date) is under --min-age' },
  MULTI_FRAME: { decision: 'drop', meaning: 'more than one frame' },
  NOT_MONOCHROME: { decision: 'drop', meaning: 'colour or palette image: radiographs are MONOCHROME1 or MONOCHROME2' },
  TOO_SMALL: { decision: 'drop', meaning: 'the short side is under --min-size pixels' },
  ASPECT_RATIO: { decision: 'drop', meaning: 'long side over short side is above --max-aspect' },
  BLANK_IMAGE: { decision: 'drop', meaning: 'blank or near-constant image' },
  SATURATED: { decision: 'drop', meaning: 'saturated or burnt-out exposure: too much of the image at the extremes' },
  LOW_DYNAMIC_RANGE: { decision: 'review', meaning: 'very low dynamic range for the bits stored' },
  INVERTED_SUSPECT: { decision: 'review', meaning: 'the grey levels look inverted for the photometric interpretation' },
  UNDECODABLE: { decision: 'drop', meaning: 'the header is readable but the pixel data cannot be decoded (the error is given)' },
  CHECK_FAILED: { decision: 'drop', meaning: 'a check could not be run on the image (the error is given)' },
  CNN_OUTLIER: { decision: 'drop', meaning: "the classifier's outlier score is at or above --threshold" },
  CNN_UNCERTAIN: { decision: 'review', meaning: "the classifier's outlier score is within --review-margin below --threshold" },
} as const satisfies Record<string, { decision: Decision; meaning: string }>;

export type ReasonCode = keyof typeof REASONS;

/** One reason found for one image, with what was seen (a tag value, a measure, an error). */
export interface Finding {
  code: ReasonCode;
  detail: string;
}

/** drop if any finding drops, review if any asks for review, keep otherwise. */
export function decide(findings: readonly Finding[]): Decision {
  let decision: Decision = 'keep';
  for (const { code } of findings) {
    const d = REASONS[code].decision;
    if (d === 'drop') return 'drop';
    if (d === 'review') decision = 'review';
  }
  return decision;
}
