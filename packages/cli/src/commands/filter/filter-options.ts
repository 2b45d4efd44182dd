// `cxrlab filter` arguments: parsed, checked, and turned into the filter's options.
import { availableParallelism } from 'node:os';
import { DEFAULT_FILTER_OPTIONS, DEFAULT_HEADER_RULES, DEFAULT_QUALITY_THRESHOLDS, type FilterOptions, type QualityThresholds } from '@cxrlab/filter';
import { UsageError } from '../../io.js';
import { commaList, decimalNumber, parseArguments, wholeNumber } from '../../options.js';

/** Bump when the same options start giving different decisions, so that a re-run re-checks every file. */
export const FILTER_VERSION = 1;

export interface FilterRequest {
  inputs: string[];
  /** The manifest CSV. */
  out: string;
  fileList: string | undefined;
  model: string | undefined;
  modelConfig: string | undefined;
  options: FilterOptions;
  /** Where to put the kept images, and how. */
  kept: { dir: string; how: 'copy' | 'link' } | undefined;
  workers: number;
  timeoutMs: number;
  force: boolean;
}

const DEFAULT_TIMEOUT_S = 300;

/** --quality name=value,...: each name a QualityThresholds key. */
function qualityThresholds(texts: string[]): Partial<QualityThresholds> {
  const thresholds: Partial<Record<keyof QualityThresholds, number>> = {};
  const names = Object.keys(DEFAULT_QUALITY_THRESHOLDS) as (keyof QualityThresholds)[];
  for (const pair of texts.flatMap((t) => t.split(','))) {
    const [name, value] = pair.split('=').map((s) => s.trim());
    if (!names.includes(name as keyof QualityThresholds) || value === undefined) {
      throw new UsageError(`--quality takes name=value with a name among ${names.join(', ')}, not "${pair}"`);
    }
    thresholds[name as keyof QualityThresholds] = decimalNumber(`--quality ${name}`, value, 0);
  }
  return thresholds as Partial<QualityThresholds>;
}

export function parseFilterArgs(args: string[]): FilterRequest {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      model: { type: 'string' },
      'model-config': { type: 'string' },
      threshold: { type: 'string' },
      'review-margin': { type: 'string' },
      'min-age': { type: 'string' },
      'min-size': { type: 'string' },
      'max-aspect': { type: 'string' },
      modalities: { type: 'string' },
      'chest-words': { type: 'string' },
      quality: { type: 'string', multiple: true },
      'header-only': { type: 'boolean', default: false },
      'all-checks': { type: 'boolean', default: false },
      'copy-kept': { type: 'string' },
      'link-kept': { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string' },
      'file-list': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.out === undefined) throw new UsageError('--out MANIFEST.csv is required');
  if (positionals.length === 0 && values['file-list'] === undefined) throw new UsageError('no input given: name files or directories, or use --file-list');
  if (values['copy-kept'] !== undefined && values['link-kept'] !== undefined) throw new UsageError('--copy-kept and --link-kept cannot both be given');
  if (values['header-only'] && values.model !== undefined) throw new UsageError('--header-only reads no pixels, so it cannot run --model');
  if (values['header-only'] && values.quality !== undefined) throw new UsageError('--header-only reads no pixels, so --quality does not apply');
  if (values['model-config'] !== undefined && values.model === undefined) throw new UsageError('--model-config needs --model');

  const header = {
    ...DEFAULT_HEADER_RULES,
    ...(values['min-age'] !== undefined ? { minAge: decimalNumber('--min-age', values['min-age'], 0, 150)! } : {}),
    ...(values['min-size'] !== undefined ? { minSize: wholeNumber('--min-size', values['min-size'], 0) } : {}),
    ...(values['max-aspect'] !== undefined ? { maxAspect: decimalNumber('--max-aspect', values['max-aspect'], 1)! } : {}),
    ...(values.modalities !== undefined ? { modalities: commaList('--modalities', values.modalities)!.map((m) => m.toUpperCase()) } : {}),
    ...(values['chest-words'] !== undefined ? { chestWords: commaList('--chest-words', values['chest-words'])! } : {}),
  };
  const options: FilterOptions = {
    header,
    quality: values['header-only'] ? false : qualityThresholds(values.quality ?? []),
    threshold: decimalNumber('--threshold', values.threshold, 0, 1) ?? DEFAULT_FILTER_OPTIONS.threshold,
    reviewMargin: decimalNumber('--review-margin', values['review-margin'], 0, 1) ?? DEFAULT_FILTER_OPTIONS.reviewMargin,
    allChecks: values['all-checks'],
  };
  const keptDir = values['copy-kept'] ?? values['link-kept'];
  return {
    inputs: positionals,
    out: values.out,
    fileList: values['file-list'],
    model: values.model,
    modelConfig: values['model-config'],
    options,
    kept: keptDir === undefined ? undefined : { dir: keptDir, how: values['copy-kept'] !== undefined ? 'copy' : 'link' },
    workers: wholeNumber('--workers', values.workers, 1) ?? availableParallelism(),
    timeoutMs: (wholeNumber('--timeout', values.timeout, 0) ?? DEFAULT_TIMEOUT_S) * 1000,
    force: values.force,
  };
}
