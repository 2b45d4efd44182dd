import { availableParallelism } from 'node:os';
import { OUTPUT_FORMATS, WINDOW_MODES, type ConvertOptions, type OutputFormat, type WindowMode } from '@cxrlab/imaging';
import { oneOf, parseArguments, wholeNumber } from '../../options.js';
import { UsageError } from '../../io.js';

/** Bump when the same options start giving different outputs, so that finished outputs are re-made. */
export const CONVERTER_VERSION = 2; // 2: our own PNG encoder, vindr scaling fix

/** A parsed `cxrlab convert` command line. */
export interface ConvertRequest {
  inputs: string[];
  outDir: string;
  fileList: string | undefined;
  convert: ConvertOptions;
  workers: number;
  /** Per-file limit in milliseconds; 0 for none. */
  timeoutMs: number;
  force: boolean;
}

/** The output file extension of each format. */
export const EXTENSIONS: Record<OutputFormat, '.png' | '.jpg' | '.npy'> = { png: '.png', png16: '.png', jpeg: '.jpg', npy: '.npy' };

const DEFAULT_TIMEOUT_S = 300;

/** Parses and checks the arguments; every problem is a UsageError. */
export function parseConvertArgs(args: string[]): ConvertRequest {
  const parsed = parseArguments({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'png' },
      window: { type: 'string' },
      size: { type: 'string' },
      frame: { type: 'string' },
      workers: { type: 'string' },
      quality: { type: 'string' },
      timeout: { type: 'string' },
      'file-list': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const { values, positionals } = parsed;
  const outDir = positionals.at(-1);
  if (outDir === undefined) throw new UsageError('no OUT-DIR given');
  const inputs = positionals.slice(0, -1);
  if (inputs.length === 0 && values['file-list'] === undefined) throw new UsageError('no input given: name files or directories before OUT-DIR, or use --file-list');

  const format = oneOf('--format', values.format, OUTPUT_FORMATS);
  const grey8 = format === 'png' || format === 'jpeg';
  if (values.window !== undefined && !grey8) throw new UsageError(`--window applies to png and jpeg, not ${format}`);
  if (values.size !== undefined && format === 'npy') throw new UsageError('--size does not apply to npy (it holds the stored pixel values)');
  if (values.quality !== undefined && format !== 'jpeg') throw new UsageError('--quality applies to --format jpeg only');
  const window: WindowMode | undefined = grey8 ? oneOf('--window', values.window ?? 'dicom', WINDOW_MODES) : undefined;

  const convert: ConvertOptions = { format };
  if (window !== undefined) convert.window = window;
  const size = wholeNumber('--size', values.size, 1);
  const frame = wholeNumber('--frame', values.frame, 0);
  const quality = wholeNumber('--quality', values.quality, 1, 100);
  if (size !== undefined) convert.size = size;
  if (frame !== undefined) convert.frame = frame;
  if (quality !== undefined) convert.quality = quality;

  return {
    inputs,
    outDir,
    fileList: values['file-list'],
    convert,
    workers: wholeNumber('--workers', values.workers, 1) ?? availableParallelism(),
    timeoutMs: (wholeNumber('--timeout', values.timeout, 0) ?? DEFAULT_TIMEOUT_S) * 1000,
    force: values.force,
  };
}

/** What the resume manifest compares: everything that shapes an output. */
export function fingerprintSource(convert: ConvertOptions): object {
  return { converter: CONVERTER_VERSION, ...convert };
}
