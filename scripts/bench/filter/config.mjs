// Paths, command-line options and targets of `npm run bench:filter` (see ../bench-filter.mjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');
export const BENCH = join(ROOT, 'bench-data', 'filter');
export const OUT = join(BENCH, 'out');
export const CLI = join(ROOT, 'packages/cli/bin/cxrlab.js');
export const PYTHON = process.env.CXRLAB_PYTHON ?? '/usr/bin/python3';
export const HEADERS_PY = join(HERE, 'pydicom_headers.py');
export const PREPROCESS_PY = join(HERE, 'vindr_preprocess.py');
export const MODEL = join(BENCH, 'resnet18.onnx');

const argv = process.argv.slice(2);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);

export const QUICK = argv.includes('--quick');
/** Rounds: every step once per round, in turn; figures are the median round. */
export const ROUNDS = Number(option('--runs', QUICK ? 1 : 3));
export const COUNTS = { chest: Number(option('--chest', QUICK ? 8 : 60)), small: Number(option('--small', QUICK ? 300 : 3000)) };
/** Wait for idle CPUs before each run and make a busy run again (off with --no-wait). */
export const WAIT = !argv.includes('--no-wait');
export const JSON_OUT = option('--json', join(BENCH, 'bench-filter-results.json'));

export const SETS = {
  chest: { label: 'chest-sized', syntax: 'explicit', rows: 2788, cols: 2446, seed: 61 },
  small: { label: 'header-heavy small', syntax: 'explicit', rows: 64, cols: 64, seed: 62 },
};

/** The targets (whole process, 2 workers on this 2-core machine). */
export const TARGETS = { headerFilesPerSecond: 1000, modelImagesPerSecond: 20 };
/** A run during which other processes used more CPU than this (cores) is made again... */
export const MAX_OTHERS = 0.3;
/** ... at most this many times per run, and in all. */
export const REDO_PER_RUN = 2;
export const REDO_TOTAL = 20;
