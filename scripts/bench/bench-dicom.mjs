// `npm run bench:dicom`: @cxrlab/dicom against pydicom (measured in the same run) and plain file copy.
//
// Workloads:
//  (a) the shared fixtures (cr + edge), header only (stop before pixel data), 20 passes per run
//  (b) 1,000 generated chest CR/DX files (2788x2446x16 bit, ~13.6 MB each, pixel data a sparse hole), header only
//  (c) full read of 100 generated chest files with real (non-sparse) pixel data
//  (d) full read + write of one ~15 MiB uncompressed chest file vs fs.copyFileSync and readFileSync+writeFileSync
//
// Every measurement: one warm-up pass, then R timed runs; the table shows the MEDIAN run. Files are
// read from a warm page cache (the generator / warm-up pass just touched them), so this measures
// parse cost, not the disk. Both sides are single-threaded (pydicom is; the Node rows use the sync
// API in a tight loop, plus one async row with concurrency 16, still one thread).
//
// Options: --runs N (default 5), --quick (fewer files and passes, for trying the script),
//          --json PATH (where to write raw numbers; default bench-data/bench-dicom-results.json).
//          CXRLAB_PYTHON=/path/to/python3 overrides /usr/bin/python3.

import { execFileSync, spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, statSync,
  unlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { dirname, join, resolve, basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  readDicomFileSync, readDicomFile, writeDicomFileSync, decodeElement,
} from '../../packages/dicom/dist/index.js';
import { ensureSyntheticChestFiles } from './synthetic-cr.mjs';
import { cpuModel, memoryGiB, sourceFingerprint } from './machine-info.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const BENCH = join(ROOT, 'bench-data');
const TMP = join(BENCH, 'tmp');
const FIXTURES = resolve(ROOT, '../shared/fixtures/dicom');
const PYTHON = process.env.CXRLAB_PYTHON ?? '/usr/bin/python3';
const PY_SCRIPT = join(HERE, 'pydicom_bench.py');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const QUICK = flag('--quick');
const RUNS = Number(option('--runs', QUICK ? 3 : 5));
const RW_RUNS = QUICK ? 5 : 21;
const FIXTURE_PASSES = QUICK ? 4 : 20;
const HEADER_FILES = QUICK ? 200 : 1000;
const FULL_FILES = QUICK ? 20 : 100;
const JSON_OUT = option('--json', join(BENCH, 'bench-dicom-results.json'));
const MB = 1e6;

const log = (...a) => console.log(...a);

// A full GC before each measurement (not inside it), so one workload's garbage is not collected on
// the next one's time. Garbage a workload makes itself is collected on its own time, as it should be.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
setFlagsFromString('--no-expose-gc');
const startedAt = Date.now();

// ---- helpers -------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(n, digits = 0) {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function sizeOf(paths) {
  let n = 0;
  for (const p of paths) n += statSync(p).size;
  return n;
}

/** Decodes every element at every depth (the cxrlab side of pydicom's iterall()). */
function decodeAll(ds) {
  let n = 0;
  for (const element of ds.elements()) {
    decodeElement(ds, element);
    n++;
    if (element.kind === 'sequence') for (const item of element.items) n += decodeAll(item.dataSet);
  }
  return n;
}

/** One warm-up pass, then `runs` timed runs of `passes` passes over `files`. Returns seconds per run. */
function timeSync(files, passes, runs, fn) {
  for (const f of files) fn(f);
  gc();
  const out = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let p = 0; p < passes; p++) for (const f of files) fn(f);
    out.push((performance.now() - t0) / 1000);
  }
  return out;
}

async function timeAsync(files, passes, runs, concurrency, fn) {
  const pass = async () => {
    let next = 0;
    const worker = async () => {
      while (next < files.length) await fn(files[next++]);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await pass();
  gc();
  const out = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    for (let p = 0; p < passes; p++) await pass();
    out.push((performance.now() - t0) / 1000);
  }
  return out;
}

/** Bytes readDicomFileSync actually reads with stopBeforePixelData: 16 KiB, then doubling chunks (max 4 MiB). */
/** Header bytes parsed and bytes read from disk by readDicomFileSync(stopBeforePixelData), summed over files. */
function headerBytes(files) {
  let parsed = 0;
  let io = 0;
  for (const f of files) {
    const { info } = readDicomFileSync(f, { stopBeforePixelData: true });
    parsed += info.bytesRead;
    io += info.bytesFetched;
  }
  return { parsed, io };
}

// ---- pydicom ------------------------------------------------------------------------------------

let pydicomProblem;
function checkPython() {
  const r = spawnSync(PYTHON, ['-c', 'import pydicom, sys; print(pydicom.__version__, sys.version.split()[0])'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    pydicomProblem = r.error
      ? `${PYTHON} not runnable (${r.error.message})`
      : `${PYTHON} cannot import pydicom (${(r.stderr || '').trim().split('\n').pop()})`;
    return undefined;
  }
  const [pydicom, python] = r.stdout.trim().split(/\s+/);
  return { pydicom, python };
}

function python(args) {
  if (pydicomProblem) return undefined;
  try {
    const out = execFileSync(PYTHON, [PY_SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (error) {
    log(`  ! pydicom run failed (${args[0]}): ${(error.stderr || error.message || '').toString().trim().split('\n').slice(-3).join(' | ')}`);
    return undefined;
  }
}

function writeList(name, files) {
  const path = join(TMP, `${name}.txt`);
  writeFileSync(path, files.join('\n') + '\n');
  return path;
}

// ---- machine ------------------------------------------------------------------------------------



// ---- main ---------------------------------------------------------------------------------------

mkdirSync(TMP, { recursive: true });
const versions = checkPython();
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
log('# @cxrlab/dicom benchmark (npm run bench:dicom)');
log(`date: ${new Date().toISOString()}`);
log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${fmt(memoryGiB(), 1)} GiB`);
const source = sourceFingerprint(ROOT, ['dicom'], { includeTests: true });
log(`library: packages/dicom/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}`);
log(`node ${process.version}; ${versions ? `pydicom ${versions.pydicom} on Python ${versions.python} (${PYTHON})` : 'pydicom: NOT AVAILABLE'}`);
if (pydicomProblem) {
  log(`! ${pydicomProblem}.`);
  log('! Install it with `apt-get install python3-pydicom` (Debian/Ubuntu) to get the comparison; cxrlab numbers follow anyway.');
}
log(`method: 1 warm-up pass, then ${RUNS} timed runs per measurement (read+write: ${RW_RUNS}); figures are the MEDIAN run.`);
log('        Warm page cache (files were just generated or read in the warm-up pass): this measures parse cost, not the disk.');
log('        Single-threaded on both sides; MB = 10^6 bytes.');
log('');

// data
log('## data');
const t0 = performance.now();
// --quick measures subsets of the same data, so it never regenerates the full sets
const subset = (set, n) => ({ ...set, paths: set.paths.slice(0, n) });
const headerSet = subset(ensureSyntheticChestFiles(join(BENCH, 'chest-sparse-1000'), 1000, { sparse: true }), HEADER_FILES);
const fullSet = subset(ensureSyntheticChestFiles(join(BENCH, 'chest-real-100'), 100, { sparse: false, seed: 2 }), FULL_FILES);
const bigSet = ensureSyntheticChestFiles(join(BENCH, 'chest-15mib'), 1, { sparse: false, rows: 3072, columns: 2560, seed: 3 });
const describe = (label, set) => {
  const size = sizeOf(set.paths);
  let blocks = 0;
  for (const p of set.paths) blocks += statSync(p).blocks * 512;
  log(`${label}: ${set.paths.length} files, ${fmt(size / MB, 1)} MB apparent, ${fmt(blocks / MB, 1)} MB on disk — ${set.generated ? `generated in ${set.seconds.toFixed(1)} s` : 'reused'} (${dirname(set.paths[0]).slice(ROOT.length + 1)})`);
};
describe('(b) header set, sparse pixel data (ftruncate hole)', headerSet);
describe('(c) full-read set, real pixel data', fullSet);
describe('(d) read+write file, real pixel data, 3072x2560x16 bit', bigSet);
const dataSeconds = (performance.now() - t0) / 1000;

// fixtures: the ones both libraries read
const fixtureCandidates = ['cr', 'edge'].flatMap((d) => {
  const dir = join(FIXTURES, d);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.dcm')).sort().map((n) => join(dir, n)) : [];
});
const skipped = [];
let fixtures = fixtureCandidates.filter((f) => {
  try {
    decodeAll(readDicomFileSync(f, { stopBeforePixelData: true }).dataSet);
    return true;
  } catch (error) {
    skipped.push(`${basename(f)} (cxrlab: ${error.code ?? error.message})`);
    return false;
  }
});
const probe = python(['probe', '--list', writeList('fixtures-probe', fixtures)]);
if (probe) {
  fixtures = fixtures.filter((f) => {
    if (!probe.failed[f]) return true;
    skipped.push(`${basename(f)} (pydicom: ${probe.failed[f].slice(0, 60)})`);
    return false;
  });
}
log(`(a) fixtures: ${fixtures.length} of ${fixtureCandidates.length} files in ${FIXTURES.slice(resolve(ROOT, '..').length + 1)}/{cr,edge}; skipped (fail to read): ${skipped.join(', ') || 'none'}`);
log('');

const rows = [];
const results = { date: new Date().toISOString(), node: process.version, nproc, cpu: cpuModel(), versions, source, runs: RUNS, rwRuns: RW_RUNS, workloads: {} };

function addRow(key, label, { files, passes, bytes, ours, py, note }) {
  const n = files * passes;
  const o = ours ? median(ours) : undefined;
  const p = py ? median(py) : undefined;
  const row = {
    key, label, note,
    oursFps: o ? n / o : undefined, oursMBs: o ? (bytes * passes) / o / MB : undefined,
    pyFps: p ? n / p : undefined, pyMBs: p ? (bytes * passes) / p / MB : undefined,
  };
  row.ratio = row.oursFps && row.pyFps ? row.oursFps / row.pyFps : undefined;
  rows.push(row);
  results.workloads[key] = { label, files, passes, bytesPerPass: bytes, oursSeconds: ours, pydicomSeconds: py, ...row };
  return row;
}

const progress = (s) => process.stdout.write(`  … ${s}\n`);

// (a) fixtures, header only
let fixtureNotes;
if (fixtures.length === 0) {
  log('(a) skipped: no fixtures found');
} else {
  const bytes = sizeOf(fixtures);
  const { parsed, io } = headerBytes(fixtures);
  progress(`(a) fixtures header: cxrlab`);
  const raw = timeSync(fixtures, FIXTURE_PASSES, RUNS, (f) => readDicomFileSync(f, { stopBeforePixelData: true }));
  const all = timeSync(fixtures, FIXTURE_PASSES, RUNS, (f) => decodeAll(readDicomFileSync(f, { stopBeforePixelData: true }).dataSet));
  progress(`(a) fixtures header: pydicom`);
  const py = python(['header', '--list', writeList('fixtures', fixtures), '--repeat', String(FIXTURE_PASSES), '--runs', String(RUNS)]);
  const rRaw = addRow('a_raw', `(a) fixtures x${FIXTURE_PASSES}, header, parse only`, { files: fixtures.length, passes: FIXTURE_PASSES, bytes, ours: raw, py: py?.seconds.raw });
  addRow('a_all', `(a) fixtures x${FIXTURE_PASSES}, header, every element decoded`, { files: fixtures.length, passes: FIXTURE_PASSES, bytes, ours: all, py: py?.seconds.all });
  fixtureNotes = { files: fixtures.length, bytes, parsed, io, oursRawFps: rRaw.oursFps };
  Object.assign(results.workloads.a_raw, { headerBytesParsed: parsed, headerBytesIO: io });
}

// (b) 1,000 chest files, header only
let headerNotes;
{
  const files = headerSet.paths;
  const bytes = sizeOf(files);
  const { parsed, io } = headerBytes(files);
  const passes = 3;
  progress(`(b) ${files.length} chest files header: cxrlab`);
  const raw = timeSync(files, passes, RUNS, (f) => readDicomFileSync(f, { stopBeforePixelData: true }));
  const all = timeSync(files, passes, RUNS, (f) => decodeAll(readDicomFileSync(f, { stopBeforePixelData: true }).dataSet));
  const asyncRuns = await timeAsync(files, passes, RUNS, 16, (f) => readDicomFile(f, { stopBeforePixelData: true }));
  progress(`(b) ${files.length} chest files header: pydicom`);
  const py = python(['header', '--list', writeList('chest-header', files), '--repeat', '1', '--runs', String(RUNS)]);
  const pyScale = (xs) => xs?.map((s) => s * passes); // pydicom does 1 pass per run; scale to the same pass count
  const rRaw = addRow('b_raw', `(b) ${files.length} chest CR/DX, header, parse only`, { files: files.length, passes, bytes, ours: raw, py: pyScale(py?.seconds.raw) });
  addRow('b_all', `(b) ${files.length} chest CR/DX, header, every element decoded`, { files: files.length, passes, bytes, ours: all, py: pyScale(py?.seconds.all) });
  addRow('b_async', `(b) ${files.length} chest CR/DX, header, async API, 16 in flight`, { files: files.length, passes, bytes, ours: asyncRuns, py: pyScale(py?.seconds.raw) });
  headerNotes = { files: files.length, parsed, io, oursRawFps: rRaw.oursFps };
  Object.assign(results.workloads.b_raw, { headerBytesParsed: parsed, headerBytesIO: io });
}

// (c) full read, real pixel data
{
  const files = fullSet.paths;
  const bytes = sizeOf(files);
  progress(`(c) full read of ${files.length} chest files: cxrlab`);
  const ours = timeSync(files, 1, RUNS, (f) => readDicomFileSync(f));
  progress(`(c) full read of ${files.length} chest files: pydicom`);
  const py = python(['full', '--list', writeList('chest-full', files), '--repeat', '1', '--runs', String(RUNS), '--variants', 'raw']);
  addRow('c_full', `(c) ${files.length} chest CR/DX (real pixels), full read`, { files: files.length, passes: 1, bytes, ours, py: py?.seconds.raw });
}

// (d) full read + write of one ~15 MiB file vs copies; variants interleaved run by run
let copyRows;
{
  const src = bigSet.paths[0];
  const bytes = statSync(src).size;
  const out = join(TMP, 'rw-out.dcm');
  const fsyncPath = (p) => {
    const fd = openSync(p, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  };
  const variants = {
    oursNoSync: () => writeDicomFileSync(out, readDicomFileSync(src), { durable: false }),
    oursSync: () => writeDicomFileSync(out, readDicomFileSync(src), { durable: true }),
    copy: () => copyFileSync(src, out),
    copySync: () => { copyFileSync(src, out); fsyncPath(out); },
    rwFile: () => writeFileSync(out, readFileSync(src)),
    rwFileSync: () => {
      const data = readFileSync(src);
      const fd = openSync(out, 'w');
      try {
        let at = 0;
        while (at < data.length) at += writeSync(fd, data, at, data.length - at);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
  progress(`(d) read+write of ${fmt(bytes / MB, 1)} MB: cxrlab and copies (interleaved)`);
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const clear = () => { try { unlinkSync(out); } catch { /* absent */ } };
  for (const fn of Object.values(variants)) { clear(); fn(); } // warm-up
  gc();
  for (let r = 0; r < RW_RUNS; r++) {
    for (const [k, fn] of Object.entries(variants)) {
      clear();
      const t = performance.now();
      fn();
      times[k].push((performance.now() - t) / 1000);
    }
  }
  clear();
  progress(`(d) read+write: pydicom`);
  const py = python(['readwrite', '--file', src, '--out', out, '--repeat', '1', '--runs', String(RW_RUNS)]);
  const label = `${fmt(bytes / MB, 1)} MB file`;
  addRow('d_ours', `(d) ${label}: read + write, no fsync (durable: false)`, { files: 1, passes: 1, bytes, ours: times.oursNoSync, py: py?.seconds.rw });
  addRow('d_ours_sync', `(d) ${label}: read + write + fsync (default)`, { files: 1, passes: 1, bytes, ours: times.oursSync, py: py?.seconds.rw_fsync });
  const copyRow = addRow('d_copy', `(d) baseline fs.copyFileSync, no fsync`, { files: 1, passes: 1, bytes, ours: times.copy });
  const copySyncRow = addRow('d_copy_sync', `(d) baseline fs.copyFileSync + fsync`, { files: 1, passes: 1, bytes, ours: times.copySync });
  const rwRow = addRow('d_rwfile', `(d) baseline readFileSync + writeFileSync, no fsync`, { files: 1, passes: 1, bytes, ours: times.rwFile });
  const rwSyncRow = addRow('d_rwfile_sync', `(d) baseline readFileSync + write + fsync`, { files: 1, passes: 1, bytes, ours: times.rwFileSync });
  copyRows = { copyRow, copySyncRow, rwRow, rwSyncRow };
}

// ---- report -------------------------------------------------------------------------------------

log('');
log(`## results (median of ${RUNS} runs; (d): median of ${RW_RUNS} interleaved runs)`);
const header = ['workload', 'cxrlab files/s', 'cxrlab MB/s', 'pydicom files/s', 'pydicom MB/s', 'ratio (cxrlab/pydicom)'];
const table = rows.map((r) => [
  r.label, fmt(r.oursFps, r.oursFps < 100 ? 1 : 0), fmt(r.oursMBs, 0),
  r.pyFps === undefined ? '—' : fmt(r.pyFps, r.pyFps < 100 ? 1 : 0), r.pyMBs === undefined ? '—' : fmt(r.pyMBs, 0),
  r.ratio === undefined ? '—' : `${r.ratio.toFixed(1)}x`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
log(line(header));
log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
for (const t of table) log(line(t));
log('');
log('Notes:');
log('- MB/s of header-only rows counts whole file sizes (what a header scan "covers"), not bytes read.');
if (fixtureNotes) {
  const n = fixtureNotes.files;
  log(`- (a) ${n} files, ${fmt(fixtureNotes.bytes / n, 0)} bytes each on average; header bytes parsed (P10File.info.bytesRead): ${fmt(fixtureNotes.parsed / n, 0)} per file; bytes read from the file (P10File.info.bytesFetched): ${fmt(fixtureNotes.io / n, 0)} per file (deflated files are read whole).`);
}
if (headerNotes) {
  const perFile = headerNotes.parsed / headerNotes.files;
  log(`- (b) bytes actually parsed (P10File.info.bytesRead): ${fmt(perFile, 0)} per file on average; bytes read from the file (P10File.info.bytesFetched): ${fmt(headerNotes.io / headerNotes.files, 0)} per file (first read is 16 KiB); header parse rate on parsed bytes: ${fmt((headerNotes.oursRawFps * perFile) / MB, 1)} MB/s.`);
}
log('- (b) pixel data of the 1,000 files is a sparse hole (ftruncate); header-only reads never touch it. (c) and (d) use real, non-sparse files.');
log('- "every element decoded": cxrlab decodeElement() on every element at every depth; pydicom `for e in ds.iterall(): pass` (converts every RawDataElement to a DataElement value).');
log('- async row: readDicomFile with 16 reads in flight on one thread; its pydicom column repeats the single-threaded sync pydicom figure.');
log('- (d) pydicom: dcmread + save_as (no fsync) in the no-fsync row; the same then flush + os.fsync in the fsync row.');
log('');

log('## targets');
const check = (label, value, target, unit) => {
  if (value === undefined) return log(`${label}: n/a (no pydicom figures)`);
  const pass = value >= target;
  log(`${label}: ${unit === 'x' ? `${value.toFixed(1)}x` : `${(value * 100).toFixed(0)}%`} (target >= ${unit === 'x' ? `${target}x` : `${target * 100}%`}) ${pass ? 'PASS' : 'FAIL'}`);
  return pass;
};
const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
check('header parse vs pydicom dcmread(stop_before_pixels=True), 1,000 chest files', byKey.b_raw.ratio, 10, 'x');
check('header parse vs pydicom dcmread(stop_before_pixels=True), fixtures', byKey.a_raw?.ratio, 10, 'x');
check('header parse + decode every element vs pydicom + iterall(), 1,000 chest files', byKey.b_all.ratio, 10, 'x');
check('header parse + decode every element vs pydicom + iterall(), fixtures', byKey.a_all?.ratio, 10, 'x');
const { copyRow, copySyncRow, rwRow, rwSyncRow } = copyRows;
check('15 MB read+write (durable: false) vs fs.copyFileSync', byKey.d_ours.oursMBs / copyRow.oursMBs, 0.5, '%');
check('15 MB read+write (fsync, default) vs fs.copyFileSync + fsync', byKey.d_ours_sync.oursMBs / copySyncRow.oursMBs, 0.5, '%');
log(`(info) 15 MB read+write vs readFileSync+writeFileSync: ${((byKey.d_ours.oursMBs / rwRow.oursMBs) * 100).toFixed(0)}% without fsync, ${((byKey.d_ours_sync.oursMBs / rwSyncRow.oursMBs) * 100).toFixed(0)}% with fsync`);
log('');
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s (of which data generation/check ${dataSeconds.toFixed(0)} s)`);
results.totalSeconds = total;
results.dataSeconds = dataSeconds;
writeFileSync(JSON_OUT, JSON.stringify(results, null, 1));
log(`raw run times: ${relative(process.cwd(), JSON_OUT)}`);
