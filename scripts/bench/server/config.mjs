// Paths, command-line options, sizes and targets of `npm run bench:server` (see ../bench-server.mjs).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');
export const BENCH = join(ROOT, 'bench-data', 'server');
export const CLI = join(ROOT, 'packages/cli/bin/cxrlab.js');
export const SERVER_DIST = join(ROOT, 'packages/server/dist');
/** A module of packages/server/dist, by its path there (e.g. 'workflow/assign.js'). */
export const serverModule = (path) => import(pathToFileURL(join(SERVER_DIST, path)).href);

const argv = process.argv.slice(2);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);

/** --quick: every size divided by 10 and 5 s load phases (to try the script, not to quote). */
export const QUICK = argv.includes('--quick');
const scale = QUICK ? 10 : 1;
export const DIALECTS = option('--dialects', 'sqlite,postgres').split(',').filter(Boolean);
/** Seconds of each load phase (per dialect). */
export const DURATION = Number(option('--duration', QUICK ? 5 : 30));
/** Seconds of the paced phase: longer, because at ~10 requests/s per kind its p99 needs many samples (90 s: ~950). */
export const PACED_DURATION = Number(option('--paced', QUICK ? 5 : 90));
export const READERS = Number(option('--readers', 50));
/** The paced phase: each reader's mean pause after a submit, ms (a radiologist takes 30 s or more per image). */
export const THINK_MS = Number(option('--think-ms', 5000));
/** Seconds the whole run may spend waiting for idle CPUs before its phases and timed commands (--max-wait; 0: never wait). */
export const MAX_WAIT = Number(option('--max-wait', QUICK ? 10 : 120));
/** Time import and export through ./platform-child.mjs even when the CLI has the commands (--no-cli). */
export const NO_CLI = argv.includes('--no-cli');
/** Drop and make the big project again even when its manifest matches. */
export const RESEED = argv.includes('--reseed');
export const PG_URL = option('--pg', process.env.CXRLAB_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
export const JSON_OUT = option('--json', join(BENCH, QUICK ? 'bench-server-quick-results.json' : 'bench-server-results.json'));

/** The load project: VinDr train template (independent, N = 3), IMAGES images over a pool of POOL real files. */
export const BIG = { key: 'BENCH', images: 100_000 / scale, readersPerImage: 3, annotators: Math.max(50, READERS), seed: 1 };
/** Distinct 2048 x 2048 12-bit synthetic DICOM files the big project's rows point at (the server's image cache is warm after one fetch of each). */
export const POOL = { files: 16, size: 2048, seed: 11 };
/** De-identified 64 x 64 files for the import (it reads headers only). */
export const IMPORT = { key: 'IMPORT', live: 'LIVE', files: 10_000 / scale, size: 64, seed: 5 };
/** The export project: EXPORT.images x 3 submitted reads, ABNORMAL of the images with boxes. */
export const EXPORT = { key: 'EXPORT', images: 15_000 / scale, readers: 3, abnormal: 0.3, boxesPerRead: 2.3, seed: 3, formats: ['vindr', 'coco', 'json'] };

/** PostgreSQL databases (on the server of PG_URL): <prefix>big (kept while its manifest matches; <prefix>big_quick for --quick), <prefix>import, <prefix>export (made again each run). */
export const DATABASE_PREFIX = 'cxrlab_bench_';

/** The targets. */
export const TARGETS = { nextP99Ms: 20, saveP99Ms: 20, importSeconds: 60, exportSeconds: 5 };

/** Label Studio's published guidance (docs/source/guide/storedata.md, "Labeling performance"), quoted, not measured. */
export const LABEL_STUDIO = [
  'SQLite "might work well for projects with tens of thousands of labeling tasks"',
  '"if you import data while labeling is being performed, labeling tasks can take more than 10 seconds to load and annotations can take more than 10 seconds to perform"',
  '"If you want to label more than 100,000 tasks with 5 or more concurrent users, consider using PostgreSQL"',
];
