// `npm run bench:server`: the labelling server (@cxrlab/server) under the load, on SQLite and on
// PostgreSQL. The code is in scripts/bench/server/ (config, dicom-files, databases, seed-project,
// server-child + server-process, http-client, readers, load-phase, commands + platform-child,
// import-phase, export-phase, report); this file runs them in order.
//
// Data (bench-data/server, git-ignored; made once, reused while the manifests match):
//  16 synthetic 2048 x 2048 12-bit chest radiographs, de-identified; 10,000 de-identified 64 x 64 files
//  with one SOP Instance UID each, named <md5>.dicom (import reads headers only).
// Per dialect (SQLite in bench-data/server/db; PostgreSQL: databases cxrlab_bench_* on --pg):
//  (1) load: a project of 100,000 images x 3 reads (300,000 tasks; VinDr train template; 50 annotators),
//      seeded through the package functions (createProject, setRoles, bulk image rows, assignProject;
//      timed) and kept while its manifest matches, every task reset to pending before the run. The
//      server runs in a child process, exactly as `cxrlab serve` starts it. 50 readers, each signed in
//      as its own annotator, loop: next task -> image pixels -> save 1-3 boxes -> submit. Phases:
//      closed loop (no pause, 30 s: the test; saturation, so latency = 50 / throughput), the
//      same without the pixel fetch (15 s: the database paths alone), paced (a pause after each submit,
//      exponential, mean 5 s, 90 s for enough samples: the latency a reader sees on a busy server). For each: requests/s,
//      p50/p95/p99/max per request kind, errors by status, the cores the server, the load generator,
//      PostgreSQL and other processes used, and the event-loop delay of the server and of the load
//      generator. Cold and warm pixel fetches one at a time. Every acknowledged submit must be a
//      submitted task in the database afterwards.
//  (2) the paced readers WHILE the import command registers 10,000 new files into another project of
//      the same database (the Label Studio guidance's case): their latencies during the import, and
//      the import's time under load.
//  (3) import: the import command (whole process, spawn to exit) into an empty project, then again
//      (idempotent: all unchanged); counts checked from import_runs.
//  (4) export: 15,000 images x 3 submitted reads (30% abnormal with 1-4 boxes, mean 2.3; the rest
//      'No finding'), the export command per format (vindr, coco, json; whole process) and buildExport
//      in process; counts checked against what was seeded.
// Noisy 2-core VM: before each phase and timed command the script waits for idle CPUs (up to 20 s / 10 s,
// at most --max-wait S in all, default 120), and says which ones started busy.
// Targets (the issue's): next and save p99 < 20 ms, import < 60 s, export (vindr) < 5 s. Label Studio's
// published guidance is quoted beside our figures (it cannot be installed here: no PyPI).
// Options: --quick (sizes / 10, 5 s phases: to try the script, not to quote), --duration S, --paced S, --readers N,
// --think-ms MS (the paced phases' mean pause, default 5000), --max-wait S, --no-cli (time import and export
// through platform-child.mjs, the same package functions, even when the CLI has the commands),
// --dialects sqlite,postgres, --pg URL (default postgres://postgres@127.0.0.1:5432/test: the server the
// bench databases are made on), --reseed, --json PATH. The Markdown section for docs/benchmarks.md goes
// to bench-data/server/benchmarks-section.md. About 7 minutes on the 2-core development VM
// (more the first time: the pool files and the big project are made).
import { execFileSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join, relative } from 'node:path';
import { cpuModel, gitCommit, memoryGiB, sourceFingerprint } from './machine-info.mjs';
import { BENCH, BIG, DIALECTS, DURATION, EXPORT, IMPORT, JSON_OUT, PG_URL, QUICK, READERS, RESEED, ROOT, TARGETS } from './server/config.mjs';
import { COMMANDS } from './server/commands.mjs';
import { pgVersion } from './server/databases.mjs';
import { ensureImportFiles, ensurePool } from './server/dicom-files.mjs';
import { exportPhase } from './server/export-phase.mjs';
import { closeAgent } from './server/http-client.mjs';
import { importPhase } from './server/import-phase.mjs';
import { loadPhase } from './server/load-phase.mjs';
import { progress } from './server/progress.mjs';
import { printData, printExport, printImport, printLabelStudio, printLoad, printTargets, verdicts } from './server/report.mjs';
import { markdownSection } from './server/markdown.mjs';
import { captureConsole, log } from './format.mjs';

const startedAt = Date.now();
// everything printed is also kept for the Markdown section's "Output of the run"
const lines = captureConsole();

const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
const source = sourceFingerprint(ROOT, ['server']);
const pg = DIALECTS.includes('postgres') ? await pgVersion() : { ok: false, version: 'not asked for' };
if (DIALECTS.includes('postgres') && !pg.ok) {
  console.error(`PostgreSQL at ${PG_URL} cannot be reached (${pg.version}); run with --dialects sqlite, or start it`);
  process.exit(1);
}
const sqliteVersion = new SQLite(':memory:').prepare('SELECT sqlite_version() AS v').get().v;
const [loadAverage] = readFileSync('/proc/loadavg', 'utf8').split(' ');

log('# cxrlab labelling server benchmark (npm run bench:server)');
log(`date: ${new Date().toISOString()}${QUICK ? ' — QUICK RUN (sizes / 10, 5 s phases): to try the script, not to quote' : ''}`);
log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${memoryGiB().toFixed(1)} GiB; Linux ${release()}; load average at the start ${loadAverage}`);
log(`library: packages/server/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}; HEAD ${gitCommit(ROOT)}`);
log(`node ${process.version}; SQLite ${sqliteVersion} (better-sqlite3, WAL, synchronous=FULL); PostgreSQL ${pg.ok ? pg.version : '—'} (${PG_URL.replace(/:[^:@/]*@/, ':***@')}, same machine)`);
log(`method: server in a child process (startServer, as cxrlab serve); ${READERS} readers in this process (node:http keep-alive, one connection each);`);
log(`        import and export timed as whole processes: ${COMMANDS.cliImport ? 'cxrlab import' : 'platform-child.mjs (importImages)'}, ${COMMANDS.cliExport ? 'cxrlab export --project' : 'platform-child.mjs (createExportSnapshot)'}.`);
log('');

const files = { pool: await ensurePool(), import: await ensureImportFiles() };
const loads = [];
const imports = [];
const exports = [];
const failures = [];
const attempt = async (what, work, into) => {
  try {
    into.push(await work());
  } catch (error) {
    failures.push({ what, message: error.message, stack: error.stack });
    progress(`${what} FAILED: ${error.message.split('\n')[0]}`);
  }
};
try {
  for (const dialect of DIALECTS) {
    await attempt(`${dialect} load`, () => loadPhase(dialect, files.pool, files.import, { reseed: RESEED }), loads);
    await attempt(`${dialect} import`, () => importPhase(dialect, files.import), imports);
    await attempt(`${dialect} export`, () => exportPhase(dialect, files.pool), exports);
  }
} finally {
  closeAgent();
}

printData(files, loads);
if (loads.length > 0) printLoad(loads);
if (imports.length > 0) printImport(imports, loads);
if (exports.length > 0) printExport(exports);
const rows = verdicts(loads, imports, exports);
printTargets(rows);
printLabelStudio(loads);
for (const f of failures) {
  log(`FAILED: ${f.what}: ${f.stack ?? f.message}`);
  process.exitCode = 1;
}
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s`);
const sectionPath = join(BENCH, QUICK ? 'benchmarks-section-quick.md' : 'benchmarks-section.md');
writeFileSync(sectionPath, markdownSection({ lines, rows, loads, imports, exports, total }));
writeFileSync(JSON_OUT, JSON.stringify({
  date: new Date().toISOString(), quick: QUICK, node: process.version, nproc, cpu: cpuModel(), memoryGiB: memoryGiB(), kernel: release(), sqlite: sqliteVersion, postgres: pg.version,
  source, commit: gitCommit(ROOT), targets: TARGETS, sizes: { big: BIG, import: IMPORT, export: EXPORT, readers: READERS, duration: DURATION }, commands: COMMANDS,
  loads, imports, exports, verdicts: rows, totalSeconds: total, failures,
}, null, 1));
log(`raw figures: ${relative(process.cwd(), JSON_OUT)}; Markdown section for docs/benchmarks.md: ${relative(process.cwd(), sectionPath)}`);
