import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { PROFILE_NAMES, SCRUB_MODES, type BasicProfileOptions, type DeidFileOptions } from '@cxrlab/deid';
import { oneOf, parseArguments, wholeNumber } from '../../options.js';
import { UsageError } from '../../io.js';

/** Bump when the same options start giving different outputs, so that finished outputs are re-made. */
export const DEID_VERSION = 1;

/** A parsed `cxrlab deid` command line. */
export interface DeidRequest {
  inputs: string[];
  outDir: string;
  fileList: string | undefined;
  /** The private mapping file (JSON Lines); never inside OUT-DIR. */
  map: string | undefined;
  deid: DeidFileOptions;
  workers: number;
  timeoutMs: number;
  force: boolean;
  /** fsync each output before renaming it into place (--fsync; default off, as cp and pydicom). */
  durable: boolean;
}

/** The basic profile's options, by their command-line flags. */
export const BASIC_FLAGS: Record<string, keyof BasicProfileOptions> = {
  'retain-modified-dates': 'retainModifiedDates',
  'retain-full-dates': 'retainFullDates',
  'retain-patient-characteristics': 'retainPatientCharacteristics',
  'retain-device-identity': 'retainDeviceIdentity',
  'retain-institution-identity': 'retainInstitutionIdentity',
  'retain-uids': 'retainUids',
  'clean-descriptors': 'cleanDescriptors',
};

const DEFAULT_TIMEOUT_S = 300;

/** The key: --id-key, or the first line of --id-key-file, or $CXRLAB_ID_KEY; at least 16 bytes. */
function readKey(text: string | undefined, file: string | undefined): Uint8Array | undefined {
  if (text !== undefined && file !== undefined) throw new UsageError('give --id-key or --id-key-file, not both');
  let key = text;
  if (file !== undefined) {
    try {
      key = readFileSync(file, 'utf8').split(/\r?\n/)[0];
    } catch (error) {
      throw new UsageError(`cannot read --id-key-file ${file}: ${(error as Error).message}`);
    }
  }
  key ??= process.env.CXRLAB_ID_KEY || undefined;
  if (key === undefined) return undefined;
  const bytes = new TextEncoder().encode(key);
  if (bytes.length < 16) throw new UsageError('the id key must be at least 16 bytes long (a random secret: `openssl rand -hex 32`)');
  return bytes;
}

const basicOptionConfig = Object.fromEntries(Object.keys(BASIC_FLAGS).map((flag) => [flag, { type: 'boolean' as const, default: false }]));

/** Parses and checks the arguments; every problem is a UsageError. */
export function parseDeidArgs(args: string[]): DeidRequest {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: {
      profile: { type: 'string', default: 'vindr' },
      'scrub-pixels': { type: 'string', default: 'auto' },
      'id-key': { type: 'string' },
      'id-key-file': { type: 'string' },
      map: { type: 'string' },
      workers: { type: 'string' },
      timeout: { type: 'string' },
      'file-list': { type: 'string' },
      force: { type: 'boolean', default: false },
      fsync: { type: 'boolean', default: false },
      ...basicOptionConfig,
    },
  });
  const outDir = positionals.at(-1);
  if (outDir === undefined) throw new UsageError('no OUTPUT-DIR given');
  const inputs = positionals.slice(0, -1);
  if (inputs.length === 0 && values['file-list'] === undefined) throw new UsageError('no input given: name directories or files before OUTPUT-DIR, or use --file-list');

  const profile = oneOf('--profile', values.profile as string, PROFILE_NAMES);
  const basic: BasicProfileOptions = {};
  for (const [flag, field] of Object.entries(BASIC_FLAGS)) {
    if (!(values as Record<string, unknown>)[flag]) continue;
    if (profile !== 'basic') throw new UsageError(`--${flag} is an option of --profile basic`);
    basic[field] = true;
  }
  if (basic.retainFullDates && basic.retainModifiedDates) throw new UsageError('--retain-full-dates and --retain-modified-dates exclude each other');

  return {
    inputs,
    outDir,
    fileList: values['file-list'] as string | undefined,
    map: values.map as string | undefined,
    deid: {
      profile,
      basic,
      key: readKey(values['id-key'] as string | undefined, values['id-key-file'] as string | undefined),
      scrub: oneOf('--scrub-pixels', values['scrub-pixels'] as string, SCRUB_MODES),
    },
    workers: wholeNumber('--workers', values.workers as string | undefined, 1) ?? availableParallelism(),
    timeoutMs: (wholeNumber('--timeout', values.timeout as string | undefined, 0) ?? DEFAULT_TIMEOUT_S) * 1000,
    force: values.force as boolean,
    durable: values.fsync as boolean,
  };
}
