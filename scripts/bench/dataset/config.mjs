// Paths, command-line options and targets of `npm run bench:dataset` (see ../bench-dataset.mjs).
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');
export const BENCH = join(ROOT, 'bench-data', 'dataset');
export const OUT = join(BENCH, 'out');
export const CLI = join(ROOT, 'packages/cli/bin/cxrlab.js');
export const PYTHON = process.env.CXRLAB_PYTHON ?? '/usr/bin/python3';
export const PY = { stats: join(HERE, 'stats_reference.py'), eval: join(HERE, 'eval_reference.py'), fuse: join(HERE, 'fuse_reference.py') };
// timed() of ../filter/util.mjs writes its GNU time files into bench-data/filter
mkdirSync(join(ROOT, 'bench-data', 'filter'), { recursive: true });

const argv = process.argv.slice(2);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);

export const QUICK = argv.includes('--quick');
/** Rounds: every step once per round, in turn; figures are the median round. */
export const ROUNDS = Number(option('--runs', QUICK ? 1 : 3));
/** Wait for idle CPUs before each run and make a busy run again (off with --no-wait). */
export const WAIT = !argv.includes('--no-wait');
export const JSON_OUT = option('--json', join(BENCH, 'bench-dataset-results.json'));

/** The data: a synthetic release and a submission for its test images (made once, reused while the manifest matches). */
export const DATA = { train: 15000, test: 3000, seed: 1, submission: { seed: 7, perImage: 100 } };
/** The same for the 1-image start-up rows. */
export const TINY = { train: 1, test: 1, seed: 1, submission: { seed: 7, perImage: 100 } };
export const IOU = 0.4;

/** The targets: seconds, whole process. */
export const TARGETS = { stats: 2, eval: 2, fuse: 5 };
/** A run during which other processes used more CPU than this (cores) is made again... */
export const MAX_OTHERS = 0.3;
/** ... at most this many times per run, and in all. */
export const REDO_PER_RUN = 2;
export const REDO_TOTAL = 20;

/** The challenge's 15 class ids (VinBigData), for the submission. */
export const CLASS_IDS = ['Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Consolidation', 'ILD', 'Infiltration',
  'Lung Opacity', 'Nodule/Mass', 'Other lesion', 'Pleural effusion', 'Pleural thickening', 'Pneumothorax', 'Pulmonary fibrosis', 'No finding'];
