// The section of docs/benchmarks.md that a run of `npm run bench:server` gives: command, machine, what
// is measured, the targets and the Label Studio comparison (as Markdown), and the whole output.
import { release } from 'node:os';
import { cpuModel, gitCommit, memoryGiB, sourceFingerprint } from '../machine-info.mjs';
import { BIG, DURATION, EXPORT, IMPORT, LABEL_STUDIO, PACED_DURATION, POOL, QUICK, READERS, ROOT, THINK_MS } from './config.mjs';
import { fmt } from '../format.mjs';

/** The printed lines from the heading that starts with `from` up to the next line starting with `until`, headings demoted two levels. */
function slice(lines, from, until) {
  const start = lines.findIndex((l) => l.startsWith(from));
  if (start < 0) return [];
  let end = lines.findIndex((l, i) => i > start && until.some((u) => l.startsWith(u)));
  if (end < 0) end = lines.length;
  return lines.slice(start, end).map((l) => (l.startsWith('## ') ? `#### ${l.slice(3)}` : l));
}

export function markdownSection({ lines, total }) {
  const source = sourceFingerprint(ROOT, ['server']);
  const tasks = fmt(BIG.images * BIG.readersPerImage);
  return [
    '## Labelling server (`npm run bench:server`)',
    '',
    `**Command** (from the repository root): \`npm run bench:server\`, i.e. \`tsc -b && node scripts/bench/bench-server.mjs\` (this run: ${total.toFixed(0)} s${QUICK ? ', --quick' : ''}).`,
    '`--quick` (sizes / 10, 5 s phases) is for trying the script, not for quoting; `--duration S`, `--paced S`, `--readers N`, `--dialects sqlite,postgres`,',
    '`--pg URL`, `--reseed` and `--json PATH` change the rest. Data and databases live in `bench-data/server` (git-ignored) and in the',
    'PostgreSQL databases `cxrlab_bench_big`, `cxrlab_bench_import` and `cxrlab_bench_export` (separate databases, not schemas: Kysely\'s',
    'Migrator finds its tables in any schema of a database).',
    '',
    `**Machine and versions**: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpuModel()}, ${memoryGiB().toFixed(1)} GiB RAM; Linux ${release()}; Node ${process.version};`,
    `code: commit ${gitCommit(ROOT)} (\`packages/server/src\` sha256 prefix \`${source.sha256}\`). The server, PostgreSQL and the load generator share the`,
    'same machine; the tables give the cores each used.',
    '',
    '### What is measured',
    '',
    `- **Load** (per dialect): a project of ${fmt(BIG.images)} images x ${BIG.readersPerImage} reads (${tasks} tasks; VinDr train template: independent,`,
    `  N = 3, the 28 VinDr-CXR labels, the default rules), ${BIG.annotators} annotators, assigned by \`assignProject\` (balanced, shuffled per`,
    `  reader). The image rows point at ${POOL.files} real synthetic DICOM files (${POOL.size} x ${POOL.size}, 12-bit), so the server's image cache is warm`,
    '  after one fetch of each; cold fetches are measured apart. The server runs in its own process, started as `cxrlab serve`',
    `  starts it. ${READERS} readers, each signed in as its own annotator (session cookie + CSRF header), loop over`,
    '  `GET /api/projects/KEY/tasks/next` -> `GET /api/images/:id/pixels` (the full-depth blob, deflate, read to the last byte, not',
    '  inflated) -> `PUT /api/tasks/:id/annotation` (1-3 random boxes, one global label) -> `POST /api/tasks/:id/submit`. Submit',
    '  answers with the next task already started, so `next` then finds it in progress. Latency: first byte sent to last byte',
    `  received, at the load generator. Phases, after a short warm-up: **closed loop**, no pause (${DURATION} s: the issue's test; the`,
    `  server is saturated, so mean latency = ${READERS} / requests per second); the same **without the pixel fetch** (${DURATION / 2} s: the`,
    `  database paths alone); **paced**, a pause after each submit, exponential with mean ${THINK_MS / 1000} s (${PACED_DURATION} s; a radiologist needs 30 s`,
    `  or more per image: the latency a reader sees on a busy server); **paced during an import** of ${fmt(IMPORT.files)} new files into another`,
    '  project of the same database (a separate process): Label Studio\'s documented bad case. Every task is reset to pending',
    '  before a run; every acknowledged submit must be a submitted task in the database afterwards.',
    `- **Import**: ${fmt(IMPORT.files)} de-identified ${IMPORT.size} x ${IMPORT.size} files (import reads headers only), each with its own SOP Instance UID,`,
    '  into an empty project: the whole process, spawn to exit; then the same command again (every file unchanged).',
    `- **Export**: ${fmt(EXPORT.images)} images x ${EXPORT.readers} submitted reads (${EXPORT.abnormal * 100}% of images abnormal: 1-2 global labels and 1-4 boxes per read,`,
    '  mean 2.3; the rest "No finding"), the export command per format (whole process, snapshot written durably) and `buildExport`',
    '  in process. The counts each reports must equal what was seeded.',
    '- **Label Studio** cannot be installed here (no PyPI); its published guidance (docs/source/guide/storedata.md, "Labeling',
    '  performance") is quoted beside our figures, not measured:',
    ...LABEL_STUDIO.map((q) => `  - ${q}`),
    '',
    '### Results',
    '',
    ...slice(lines, '## targets', ['## against']),
    ...slice(lines, '## load', ['### latency']),
    ...slice(lines, '## against', ['benchmark time', 'FAILED']),
    '### Output of the run',
    '',
    '```',
    ...lines,
    '```',
    '',
  ].join('\n');
}
