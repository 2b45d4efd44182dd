// Paths, command-line options and targets of `npm run bench:deid` (see ../bench-deid.mjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEID_DIR = dirname(fileURLToPath(import.meta.url));
export const HERE = resolve(DEID_DIR, '..');
export const ROOT = resolve(HERE, '../..');
export const BENCH = join(ROOT, 'bench-data', 'deid');
export const TMP = join(BENCH, 'tmp');
export const RUNS_DIR = join(TMP, 'runs');
export const MAPS_DIR = join(TMP, 'maps');
export const PYTHON = process.env.CXRLAB_PYTHON ?? '/usr/bin/python3';
export const VINDR_PY = join(HERE, 'vindr_deid.py');
export const GDCM_PY = join(HERE, 'gdcm_decode.py');
export const CLI = join(ROOT, 'packages/cli/bin/cxrlab.js');
export const IN_RUN_DRIVER = join(DEID_DIR, 'cxrlab-in-run.mjs');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);

export const QUICK = flag('--quick');
/** Rounds per workload: 5, but 3 for JPEG 2000, whose long runs (~7 s each) vary little; --runs N sets all. */
export const runsOf = (key) => Number(option('--runs', QUICK ? 1 : key === 'b' ? 3 : 5));
export const COUNTS = {
  a: Number(option('--chest', QUICK ? 8 : 60)),
  b: Number(option('--j2k', QUICK ? 3 : 12)),
  c: Number(option('--small', QUICK ? 300 : 2000)),
};
export const ONLY = option('--only', 'a,b,c').split(',');
/** Wait for idle CPUs and make busy runs again (off with --no-wait). */
export const WAIT = !flag('--no-wait');
export const JSON_OUT = option('--json', join(BENCH, 'bench-deid-results.json'));

export const MB = 1e6;
/** The targets: cxrlab / baseline, as ratios of throughput. */
export const TARGETS = { copyOff: 0.8, pydicomOff: 1.5, smallPydicomOff: 10, copyOn: 0.5, gdcmOn: 1.0 };
/** A run during which other processes used more user CPU than this (cores) is made again. */
export const MAX_OTHERS = 0.3;
/** ... or during which more than this (MB) that the run did not write was written back to disk. */
export const MAX_FOREIGN_MB = 64;
/** Runs made again: at most this many times per run, and in all. */
export const REDO_PER_RUN = 3;
export const REDO_TOTAL = 40;
