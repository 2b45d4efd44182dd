// Paths, command-line options, sizes and targets of `npm run bench:web` (see ../bench-web.mjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');
export const BENCH = join(ROOT, 'bench-data', 'web');
/** The browser tests' harness (compiled by tsc -b): server, seeding, Chromium, the viewer's coordinate mapping. */
export const harness = () => import(pathToFileURL(join(ROOT, 'packages/web/dist/e2e/harness/index.js')).href);

const argv = process.argv.slice(2);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);

/** --quick: fewer images and repetitions (to try the script, not to quote). */
export const QUICK = argv.includes('--quick');
export const JSON_OUT = option('--json', join(BENCH, QUICK ? 'bench-web-quick-results.json' : 'bench-web-results.json'));

/** The reading project: one annotator, IMAGES tasks of full-size 16-bit synthetic radiographs (VinDr's size). */
export const IMAGE = { rows: 2788, columns: 2446, bitsStored: 16, seed: 21 };
export const READING = { key: 'BENCH', images: QUICK ? 4 : 8 };
/** Fresh-tab opens: the first REPS with the server's pixel cache cold (first fetch of the image), then again warm. */
export const COLD_TABS = QUICK ? 1 : 3;
/** Window/level: right-drag steps per repetition, repetitions. */
export const WL = { steps: QUICK ? 15 : 40, reps: QUICK ? 1 : 3 };
/** The crowded image: BOXES boxes seeded into the draft; pan, zoom and draw REPS times each. */
export const CROWD = { key: 'CROWD', boxes: 500, reps: QUICK ? 1 : 3, moveSteps: 60, wheelSteps: 12 };

/** Chromium's window (CSS px): a 1080p monitor. */
export const VIEWPORT = { width: 1920, height: 1080 };

/** The targets, ms. */
export const TARGETS = { coldMs: 300, prefetchedMs: 50, wlMs: 16, frameP95Ms: 33 };
