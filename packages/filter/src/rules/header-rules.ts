// The metadata rules: every reason the header alone gives for not keeping an image.
import type { Finding } from '../decision/reasons.js';
import type { HeaderFacts } from '../header/header-facts.js';
import { isChestBodyPart } from './body-part.js';
import { patientAge } from './patient-age.js';
import { isLateralViewCode, isLateralViewPosition, lateralHint } from './view-position.js';

export interface HeaderRuleOptions {
  /** Youngest age kept, in years (default 18). */
  minAge: number;
  /** Modalities kept (default CR, DX, DR). */
  modalities: readonly string[];
  /** Shortest side kept, in pixels (default 320: see docs/filter.md). */
  minSize: number;
  /** Largest long side / short side kept (default 2). */
  maxAspect: number;
  /** A site's own words for the chest in Body Part Examined, beyond the built-in ones. */
  chestWords: readonly string[];
}

export const DEFAULT_HEADER_RULES: HeaderRuleOptions = { minAge: 18, modalities: ['CR', 'DX', 'DR'], minSize: 320, maxAspect: 2, chestWords: [] };

const MONOCHROME = new Set(['MONOCHROME1', 'MONOCHROME2']);

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

function imageFindings(facts: HeaderFacts, options: HeaderRuleOptions): Finding[] {
  if (!facts.hasPixelData) return [{ code: 'NOT_IMAGE', detail: 'no Pixel Data (7FE0,0010)' }];
  const findings: Finding[] = [];
  if (facts.numberOfFrames > 1) findings.push({ code: 'MULTI_FRAME', detail: `Number of Frames ${facts.numberOfFrames}` });
  const photometric = facts.photometricInterpretation;
  if ((facts.samplesPerPixel !== undefined && facts.samplesPerPixel !== 1) || (photometric !== undefined && !MONOCHROME.has(photometric))) {
    findings.push({ code: 'NOT_MONOCHROME', detail: `Photometric Interpretation ${photometric ?? '(none)'}, Samples per Pixel ${facts.samplesPerPixel ?? '(none)'}` });
  }
  const { rows, columns } = facts;
  if (rows === undefined || columns === undefined || rows < 1 || columns < 1) {
    findings.push({ code: 'NOT_IMAGE', detail: `Pixel Data without a size: Rows ${rows ?? '(none)'}, Columns ${columns ?? '(none)'}` });
    return findings;
  }
  const [short, long] = rows < columns ? [rows, columns] : [columns, rows];
  if (short < options.minSize) findings.push({ code: 'TOO_SMALL', detail: `${columns}x${rows}: short side ${short} px < ${options.minSize}` });
  if (long / short > options.maxAspect) findings.push({ code: 'ASPECT_RATIO', detail: `${columns}x${rows}: aspect ${round(long / short)} > ${options.maxAspect}` });
  return findings;
}

function viewFindings(facts: HeaderFacts): Finding[] {
  if (facts.viewPosition !== undefined && isLateralViewPosition(facts.viewPosition)) return [{ code: 'VIEW_LATERAL', detail: `View Position ${facts.viewPosition}` }];
  if (facts.viewCodeMeaning !== undefined && isLateralViewCode(facts.viewCodeMeaning)) return [{ code: 'VIEW_LATERAL', detail: `View Code "${facts.viewCodeMeaning}"` }];
  const hints: string[] = [];
  for (const description of facts.descriptions) {
    const word = lateralHint(description);
    if (word !== undefined) hints.push(`"${description}" says ${word}`);
  }
  const laterality = facts.imageLaterality?.toUpperCase();
  if (laterality === 'L' || laterality === 'R') hints.push(`Image Laterality ${laterality} (one side only)`);
  return hints.length > 0 ? [{ code: 'VIEW_LATERAL_HINT', detail: hints.join('; ') }] : [];
}

/** The header's findings, in a fixed order (what it is, what it shows, whom, how it is stored). */
export function headerFindings(facts: HeaderFacts, options: HeaderRuleOptions = DEFAULT_HEADER_RULES): Finding[] {
  const findings: Finding[] = [];
  const modality = facts.modality?.toUpperCase();
  if (modality === undefined) findings.push({ code: 'MODALITY_MISSING', detail: 'no Modality (0008,0060)' });
  else if (!options.modalities.includes(modality)) findings.push({ code: 'MODALITY_NOT_XRAY', detail: `Modality ${facts.modality}` });
  if (facts.bodyPartExamined !== undefined && !isChestBodyPart(facts.bodyPartExamined, options.chestWords)) {
    findings.push({ code: 'BODY_PART_NOT_CHEST', detail: `Body Part Examined ${facts.bodyPartExamined}` });
  }
  findings.push(...viewFindings(facts));
  const age = patientAge(facts.patientAge, facts.patientBirthDate, facts.studyDate);
  if (age !== undefined && age.years < options.minAge) findings.push({ code: 'AGE_UNDER_MIN', detail: `${age.from}: ${round(age.years, 1)} years < ${options.minAge}` });
  findings.push(...imageFindings(facts, options));
  return findings;
}
