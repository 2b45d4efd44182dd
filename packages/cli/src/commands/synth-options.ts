import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { PIXEL_ENCODING_NAMES, type PhotometricChoice, type PixelEncoding } from '@cxrlab/imaging';
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

function wholeNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

function oneOf<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${text}"`);
  return text as T;
}

/** Parses and checks the arguments; every problem is a UsageError. */
export function parseSynthArgs(args: string[]): SynthRequest {
  let parsed;
  try {
    parsed = parseArgs({
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
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
