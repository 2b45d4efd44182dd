import { availableParallelism } from 'node:os';
import { PIXEL_ENCODING_NAMES, type PhotometricChoice, type PixelEncoding } from '@cxrlab/imaging';
import { oneOf, parseArguments, wholeNumber } from '../options.js';
import { UsageError } from '../io.js';

/** A parsed `cxrlab synth` command line. */
export interface SynthRequest {
  outDir: string;
  count: number;
  rows: number;
  columns: number;
  bitsStored: number;
  photometric: PhotometricChoice;
  encoding: PixelEncoding;
  seed: number;
  workers: number;
}

const PHOTOMETRIC: readonly PhotometricChoice[] = ['MONOCHROME1', 'MONOCHROME2', 'mixed'];

/** Parses and checks the arguments; every problem is a UsageError. */
export function parseSynthArgs(args: string[]): SynthRequest {
  const parsed = parseArguments({
    args,
    allowPositionals: true,
    options: {
      count: { type: 'string', default: '1' },
      rows: { type: 'string', default: '2788' },
      cols: { type: 'string', default: '2446' },
      bits: { type: 'string', default: '12' },
      photometric: { type: 'string', default: 'mixed' },
      syntax: { type: 'string', default: 'explicit' },
      seed: { type: 'string', default: '1' },
      workers: { type: 'string' },
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('no OUT-DIR given');
  if (positionals.length > 1) throw new UsageError(`one OUT-DIR only, not ${positionals.length} (${positionals.join(' ')})`);
  const count = wholeNumber('--count', values.count, 1, 1_000_000);
  return {
    outDir: positionals[0]!,
    count,
    rows: wholeNumber('--rows', values.rows, 32, 65535),
    columns: wholeNumber('--cols', values.cols, 32, 65535),
    bitsStored: wholeNumber('--bits', values.bits, 12, 14),
    photometric: oneOf('--photometric', values.photometric, PHOTOMETRIC),
    encoding: oneOf('--syntax', values.syntax, PIXEL_ENCODING_NAMES),
    seed: wholeNumber('--seed', values.seed, 0, 2 ** 32 - 1),
    workers: Math.min(count, values.workers === undefined ? availableParallelism() : wholeNumber('--workers', values.workers, 1, 1024)),
  };
}

/** `synth-<seed>-<index>.dcm`, the index zero-padded to five digits so names sort. */
export function synthFileName(seed: number, index: number): string {
  return `synth-${seed}-${String(index).padStart(5, '0')}.dcm`;
}
