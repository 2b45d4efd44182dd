// One image through the filter: the header rules, then (unless the header already drops it) the
// image quality checks on its first frame and the classifier's score.
import { PixelScratch, readImageFile, type P10File } from '@cxrlab/dicom';
import { decodeFrame, pixelSource, type DecodedFrame } from '@cxrlab/imaging';
import { decide, type Decision, type Finding } from './decision/reasons.js';
import { headerFacts, type HeaderFacts } from './header/header-facts.js';
import { readHeader } from './header/read-header.js';
import type { OutlierClassifier } from './model/classifier.js';
import { vindrTensor } from './model/preprocess/vindr-preprocess.js';
import { assessQuality, type QualityThresholds } from './quality/assess-quality.js';
import { DEFAULT_HEADER_RULES, headerFindings, type HeaderRuleOptions } from './rules/header-rules.js';

export interface FilterOptions {
  header: HeaderRuleOptions;
  /** Quality thresholds; false: header only (no pixel data is read). */
  quality: Partial<QualityThresholds> | false;
  /** Outlier score at or above which the classifier drops an image (default 0.5). */
  threshold: number;
  /** Scores in [threshold - reviewMargin, threshold) ask for review (default 0.1; 0: never). */
  reviewMargin: number;
  /** Run every check even when an earlier one already drops the image (slower; for audits). */
  allChecks: boolean;
}

export const DEFAULT_FILTER_OPTIONS: FilterOptions = { header: DEFAULT_HEADER_RULES, quality: {}, threshold: 0.5, reviewMargin: 0.1, allChecks: false };

export interface FilterResult {
  decision: Decision;
  findings: Finding[];
  /** The classifier's outlier score, when it ran. */
  score?: number;
  /** Undefined when the file could not be read. */
  facts?: HeaderFacts;
}

/** What filterFile needs beyond the options: the classifier (if any) and a reused pixel buffer. */
export interface FilterContext {
  classifier?: OutlierClassifier;
  scratch?: PixelScratch;
}

/** The error's message, without the file's path in front (the manifest row names the file). */
function message(error: unknown, path: string): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.startsWith(`${path}: `) ? text.slice(path.length + 2) : text;
}

function result(findings: Finding[], facts: HeaderFacts | undefined, score?: number): FilterResult {
  return { decision: decide(findings), findings, ...(score === undefined ? {} : { score }), ...(facts ? { facts } : {}) };
}

function scoreFindings(score: number, options: FilterOptions): Finding[] {
  const shown = score.toFixed(4);
  if (score >= options.threshold) return [{ code: 'CNN_OUTLIER', detail: `score ${shown} >= ${options.threshold}` }];
  if (options.reviewMargin > 0 && score >= options.threshold - options.reviewMargin) return [{ code: 'CNN_UNCERTAIN', detail: `score ${shown} within ${options.reviewMargin} of ${options.threshold}` }];
  return [];
}

/** Filters one file. Never throws for a bad file: an unreadable one is a `drop` with the error. */
export async function filterFile(path: string, options: FilterOptions = DEFAULT_FILTER_OPTIONS, context: FilterContext = {}): Promise<FilterResult> {
  const pixels = options.quality !== false || context.classifier !== undefined;
  let file: P10File;
  let facts: HeaderFacts;
  try {
    if (pixels) {
      file = readImageFile(path, context.scratch ?? new PixelScratch());
      facts = headerFacts(file.dataSet);
    } else {
      const header = readHeader(path);
      file = header.file;
      facts = headerFacts(file.dataSet, header.hasPixelData);
    }
  } catch (error) {
    return result([{ code: 'UNREADABLE', detail: message(error, path) }], undefined);
  }
  const findings = headerFindings(facts, options.header);
  const stop = (): boolean => !options.allChecks && decide(findings) === 'drop';
  // colour images cannot go through the grey checks, whatever allChecks says
  if (!pixels || !facts.hasPixelData || stop() || findings.some((f) => f.code === 'NOT_MONOCHROME')) return result(findings, facts);

  let frame: DecodedFrame;
  try {
    frame = await decodeFrame(pixelSource(file));
  } catch (error) {
    findings.push({ code: 'UNDECODABLE', detail: message(error, path) });
    return result(findings, facts);
  }
  if (frame.samplesPerPixel !== 1) return result(findings, facts);
  if (options.quality !== false) findings.push(...assessQuality(frame, options.quality).findings);
  if (context.classifier === undefined || stop()) return result(findings, facts);
  let score: number;
  try {
    score = await context.classifier.score(vindrTensor(frame, context.classifier.config));
  } catch (error) {
    findings.push({ code: 'CHECK_FAILED', detail: `classifier: ${message(error, path)}` });
    return result(findings, facts);
  }
  findings.push(...scoreFindings(score, options));
  return result(findings, facts, score);
}
