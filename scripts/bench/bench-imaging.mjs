// `npm run bench:imaging`: @cxrlab/imaging and `cxrlab convert` against the Python pipeline people
// use today (pydicom + GDCM + numpy + Pillow) and native decoders, all measured in the same run.
//
// Per transfer syntax, on two sets:
//  - RG: the RG1/RG2/RG3 matrix in shared/fixtures/dicom/cr (UNC, RLE, JPLL, JPLY, JLSL, JLSN,
//    J2KR, J2KI; 2-3 files each: RG2 1760x2140 and RG3 1760x1760 at 10 bits, RG1 1841x1955 at 15
//    bits for JLSN and J2KI), each syntax's files repeated to --rg-images images end to end;
//  - generated: --images chest images of 2788x2446 per syntax made by `cxrlab synth` (explicit,
//    j2k, j2k-lossy, jpeg-ls, jpeg-ls-near, htj2k) in bench-data/imaging (made once, then reused).
//
// Measured:
//  1. decode ms, single thread, on a file already read: per set, --decode-reps rounds, and in each
//     round one decode of every distinct file by each side, interleaved (ours:
//     decodeFrameSync(pixelSource(file), 0); native: OpenJPEG through libopenjp2 in process on one
//     thread AND `opj_decompress -threads 1` on the same raw codestream, CharLS through libcharls
//     in process, `ojph_expand` for HTJ2K); then the pydicom pixel data handler (GDCM for
//     compressed data) on the same files in one Python process; for JPEG 2000 also pinned to one
//     CPU, since GDCM decodes it with a thread per CPU. Median per file, mean per syntax.
//  2. end to end DICOM -> 8-bit PNG, images/s: `cxrlab convert <files> <out> --format png
//     --window dicom --workers 2` (wall time of the whole command) against
//     scripts/bench/python_pipeline.py with 1 process and with multiprocessing.Pool(2), interleaved
//     run by run, plus `cxrlab convert` of one 64x64 image (its fixed start-up cost) in every run.
//     Medians over --runs runs (--info-runs for the syntaxes without a target, to keep the whole
//     benchmark near 6 minutes: the Python side takes about 2/3 of it).
//  The machine is a shared, noisy VM: before each set and each end-to-end run the script waits
//  (up to 15 s, at most 150 s in all) until the other processes leave the CPUs idle; an end-to-end
//  run during which other processes used more than 0.25 cores is made again (at most 3 times per
//  set, 10 in all); the CPU other processes used during the kept runs is reported.
//
// Options: --runs N (end-to-end runs of the sets with a target: native and JPEG 2000; default 3),
//          --info-runs N (runs of the other sets; default 1), --images N (generated images per
//          syntax, default 8), --rg-images N (default 10), --decode-reps N (default 3), --only rg|generated,
//          --no-wait (do not wait for idle CPUs), --quick (1 run, 4 images, 2 reps: to try the
//          script, not to quote), --json PATH (default bench-data/imaging/bench-imaging-results.json).
//          CXRLAB_PYTHON=/path/to/python3 overrides /usr/bin/python3.

import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encapsulatedFrames, readDicomFileSync } from '../../packages/dicom/dist/index.js';
import { decodeFrameSync, initCodecs, pixelSource } from '../../packages/imaging/dist/index.js';
import { cpuModel, gitCommit, machineCpu, memoryGiB, sourceFingerprint } from './machine-info.mjs';
import { ensureSynth as ensureSynthSet } from './synth-set.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const BENCH = join(ROOT, 'bench-data', 'imaging');
const TMP = join(BENCH, 'tmp');
const FIXTURES = resolve(ROOT, '../shared/fixtures/dicom/cr');
const PYTHON = process.env.CXRLAB_PYTHON ?? '/usr/bin/python3';
const PY_SCRIPT = join(HERE, 'python_pipeline.py');
const CLI = join(ROOT, 'packages/cli/bin/cxrlab.js');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, def) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const QUICK = flag('--quick');
const RUNS = Number(option('--runs', QUICK ? 1 : 3));
const INFO_RUNS = Number(option('--info-runs', 1));
const IMAGES = Number(option('--images', QUICK ? 4 : 8));
const RG_IMAGES = Number(option('--rg-images', QUICK ? 4 : 10));
const DECODE_REPS = Number(option('--decode-reps', QUICK ? 2 : 3));
const ONLY = option('--only', undefined);
const WAIT = !flag('--no-wait');
const JSON_OUT = option('--json', join(BENCH, 'bench-imaging-results.json'));

// ---- helpers ------------------------------------------------------------------------------------

function median(xs) {
  if (!xs || xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
function fmt(n, digits = 0) {
  if (n === undefined || n === null || Number.isNaN(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
const fmtMs = (n) => (n === undefined ? '—' : fmt(n, n < 10 ? 1 : 0));
const fmtRate = (n) => (n === undefined ? '—' : fmt(n, n < 10 ? 2 : 1));
// Ratios are cut (not rounded) to 2 decimals, so that a ratio shown as 1.50x has reached 1.50.
const fmtX = (n) => (n === undefined ? '—' : `${(Math.floor(n * 100 + 1e-9) / 100).toFixed(2)}x`);
// ... and ratios where lower is better are rounded up.
const fmtXUp = (n) => (n === undefined ? '—' : `${(Math.ceil(n * 100 - 1e-9) / 100).toFixed(2)}x`);
const log = (...a) => console.log(...a);
const progress = (s) => process.stdout.write(`  … ${s}\n`);
const tail = (text, n = 3) => (text || '').toString().trim().split('\n').slice(-n).join(' | ');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);




function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function writeList(name, files) {
  const path = join(TMP, `${name}.txt`);
  writeFileSync(path, files.join('\n') + '\n');
  return path;
}

// ---- CPU accounting: how busy the machine is, and how much of that is other processes -----------

const NCPU = cpus().length;
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

let waitBudget = 150;
const waits = [];
/** Waits until the CPUs are nearly idle (others' work done), up to 15 s at a time and 150 s in all. */
function waitForQuiet() {
  if (!WAIT || waitBudget <= 0 || !machineCpu()) return;
  const t0 = performance.now();
  for (;;) {
    const a = machineCpu();
    sleep(300);
    const b = machineCpu();
    const busy = (b.busy - a.busy) / Math.max(1e-9, b.total - a.total);
    const waited = (performance.now() - t0) / 1000;
    if (busy < 0.15 || waited > 15 || waited > waitBudget) {
      waitBudget -= waited;
      waits.push(waited);
      return;
    }
  }
}

/**
 * Runs a command, timing its wall clock; with GNU time, also its CPU (children included) and the CPU
 * other processes used meanwhile (machine busy time minus the command's), in cores.
 */
function run(cmd, args, options = {}) {
  const timeFile = GNU_TIME && options.account ? join(TMP, 'time.txt') : undefined;
  const before = machineCpu();
  const t0 = performance.now();
  const r = timeFile
    ? spawnSync(GNU_TIME, ['-f', '%U %S', '-o', timeFile, cmd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  const after = machineCpu();
  let othersCores;
  if (timeFile && before && after) {
    try {
      const [u, s] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
      othersCores = Math.max(0, (after.busy - before.busy - u - s) / seconds);
    } catch { /* no figure */ }
  }
  return { ...r, seconds, othersCores };
}

// ---- Python --------------------------------------------------------------------------------------

let pythonProblem;
function python(args, options) {
  if (pythonProblem) return { error: pythonProblem };
  const r = run(PYTHON, [PY_SCRIPT, ...args], options);
  let out;
  try {
    out = JSON.parse((r.stdout || '').trim().split('\n').pop());
  } catch { /* below */ }
  if (r.error || r.status !== 0 || !out || out.error) {
    return { error: out?.error ?? (r.error ? r.error.message : `exit ${r.status}: ${tail(r.stderr)}`) };
  }
  return { ...out, othersCores: r.othersCores };
}

// ---- native tools --------------------------------------------------------------------------------

const NATIVE = join(BENCH, 'native');

/** Builds scripts/bench/native/<name>.c with gcc -O2 into bench-data (again when the source is newer). */
function buildHarness(name, libs, pkg) {
  const src = join(HERE, 'native', `${name}.c`);
  const bin = join(NATIVE, name);
  if (existsSync(bin) && statSync(bin).mtimeMs >= statSync(src).mtimeMs) return { bin };
  if (!which('gcc')) return { problem: 'gcc not found' };
  mkdirSync(NATIVE, { recursive: true });
  const r = spawnSync('gcc', ['-O2', src, '-o', bin, ...libs], { encoding: 'utf8' });
  if (r.status !== 0) return { problem: `gcc failed (apt-get install ${pkg}?): ${tail(r.stderr, 1)}` };
  return { bin };
}

function pkgConfigLibs(name, fallback) {
  const r = spawnSync('pkg-config', ['--cflags', '--libs', name], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(/\s+/).filter(Boolean) : fallback;
}

/** One timed decode by a native harness (it decodes twice and times each; the first is a warm-up). */
function harness(tool, codestream) {
  const r = spawnSync(tool.bin, [codestream, '2'], { encoding: 'utf8' });
  if (r.status !== 0) return { error: tail(r.stderr) };
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  tool.version = out.tool;
  return { ms: out.ms[1] };
}

/**
 * One `opj_decompress -threads 1` run: its own printed "decode time" (from opening the file stream
 * through header, tile decode and end of decompression; not process start or writing the output)
 * and the wall time of the whole process.
 */
function opjDecompress(codestream) {
  const out = join(TMP, 'opj.raw');
  const r = run('opj_decompress', ['-i', codestream, '-o', out, '-threads', '1']);
  rmSync(out, { force: true });
  const m = /decode time:\s*(\d+(?:\.\d+)?)\s*ms/.exec(r.stdout + r.stderr);
  if (r.status !== 0 || !m) return { error: tail(r.stdout + r.stderr) };
  return { ms: Number(m[1]), wallMs: r.seconds * 1000 };
}

/** One `ojph_expand` run to a .raw file: the wall time of the process (it prints no timing of its own). */
function ojphExpand(codestream) {
  const out = join(TMP, 'ojph.raw');
  const r = run('ojph_expand', ['-i', codestream, '-o', out]);
  rmSync(out, { force: true });
  if (r.status !== 0) return { error: tail(r.stdout + r.stderr) };
  return { ms: r.seconds * 1000 };
}

/** A 16x16 HTJ2K codestream, to estimate ojph_expand's fixed cost (process start, output file). */
function tinyHtj2k() {
  const out = join(BENCH, 'codestreams', 'tiny-16x16.jph');
  if (existsSync(out)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const pgm = join(TMP, 'tiny.pgm');
  writeFileSync(pgm, Buffer.concat([Buffer.from('P5\n16 16\n255\n'), Buffer.alloc(256, 100)]));
  const r = spawnSync('ojph_compress', ['-i', pgm, '-o', out, '-reversible', 'true'], { encoding: 'utf8' });
  return r.status === 0 ? out : undefined;
}

// ---- data -----------------------------------------------------------------------------------------

const RG_SYNTAXES = ['UNC', 'RLE', 'JPLL', 'JPLY', 'JLSL', 'JLSN', 'J2KR', 'J2KI'];
const RG_LABEL = {
  UNC: 'Explicit VR LE (native)', RLE: 'RLE Lossless', JPLL: 'JPEG Lossless SV1', JPLY: 'JPEG Extended 12-bit',
  JLSL: 'JPEG-LS lossless', JLSN: 'JPEG-LS near-lossless', J2KR: 'JPEG 2000 lossless', J2KI: 'JPEG 2000 lossy',
};
const GEN_SYNTAXES = ['explicit', 'j2k', 'j2k-lossy', 'jpeg-ls', 'jpeg-ls-near', 'htj2k'];
const GEN_LABEL = {
  explicit: 'Explicit VR LE (native)', j2k: 'JPEG 2000 lossless', 'j2k-lossy': 'JPEG 2000 lossy',
  'jpeg-ls': 'JPEG-LS lossless', 'jpeg-ls-near': 'JPEG-LS near-lossless', htj2k: 'HTJ2K lossless',
};
const FAMILY = {
  UNC: 'native', explicit: 'native', J2KR: 'j2k', J2KI: 'j2k', j2k: 'j2k', 'j2k-lossy': 'j2k',
  JLSL: 'jls', JLSN: 'jls', 'jpeg-ls': 'jls', 'jpeg-ls-near': 'jls', htj2k: 'htj2k',
};
const TARGET = { native: 3, j2k: 1.5 };
const ROWS = 2788;
const COLS = 2446;
const SEED = 42;

/** The RG matrix: per syntax its distinct files, and copies up to `count` images for the end-to-end runs. */
function rgSets(count) {
  if (!existsSync(FIXTURES)) return [];
  const names = readdirSync(FIXTURES).filter((n) => /^RG\d_[A-Z0-9]+\.dcm$/.test(n)).sort();
  const sets = [];
  for (const syn of RG_SYNTAXES) {
    const distinct = names.filter((n) => n.endsWith(`_${syn}.dcm`)).map((n) => join(FIXTURES, n));
    if (distinct.length === 0) continue;
    const dir = join(BENCH, 'rg', syn);
    mkdirSync(dir, { recursive: true });
    const images = [];
    for (let i = 0; i < count; i++) {
      const src = distinct[i % distinct.length];
      const dst = join(dir, `${String(i).padStart(2, '0')}_${basename(src)}`);
      if (!existsSync(dst) || statSync(dst).size !== statSync(src).size) copyFileSync(src, dst);
      images.push(dst);
    }
    sets.push({ set: 'RG', syntax: syn, label: RG_LABEL[syn], family: FAMILY[syn], distinct, images });
  }
  return sets;
}

let synthProblem;
/** `cxrlab synth` into `dir` unless the manifest inside it says the files there are the ones asked for. */
const ensureSynth = (dir, want) => ensureSynthSet(dir, want, { manifestPath: join(dir, 'bench-manifest.json'), synthProblem });

/** `cxrlab synth` output per syntax: `count` images of ROWS x COLS, seed SEED. */
function generatedSets(count) {
  const sets = [];
  for (const syn of GEN_SYNTAXES) {
    const dir = join(BENCH, `synth-${ROWS}x${COLS}`, syn);
    if (!synthProblem) progress(`data: ${count} ${ROWS}x${COLS} ${syn} images`);
    const got = ensureSynth(dir, { syntax: syn, rows: ROWS, cols: COLS, seed: SEED, count });
    if (got.problem) {
      log(`  ! ${got.problem}`);
      continue;
    }
    sets.push({ set: `${ROWS}x${COLS}`, syntax: syn, label: GEN_LABEL[syn], family: FAMILY[syn], distinct: got.files.slice(0, 1), images: got.files, generated: got.seconds });
  }
  return sets;
}

/** Frame 0's codestream (fragments joined) as a raw file for the native tools. */
function extractCodestream(path, ext) {
  const out = join(BENCH, 'codestreams', `${basename(dirname(path))}-${basename(path, '.dcm')}${ext}`);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(path).mtimeMs) return out;
  mkdirSync(dirname(out), { recursive: true });
  const frames = encapsulatedFrames(readDicomFileSync(path).dataSet);
  writeFileSync(out, Buffer.concat(frames[0]));
  return out;
}

// ---- end to end -----------------------------------------------------------------------------------

/** How many .png files a directory holds (at any depth) and their total size. */
function pngs(dir) {
  if (!existsSync(dir)) return { count: 0, bytes: 0 };
  const names = readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith('.png'));
  return { count: names.length, bytes: names.reduce((n, name) => n + statSync(join(dir, name)).size, 0) };
}

/** One `cxrlab convert ... --format png --window dicom --workers 2` into a fresh directory. */
function cxrlabConvert(files) {
  const outDir = join(TMP, 'out-cxrlab');
  rmSync(outDir, { recursive: true, force: true });
  const r = run(process.execPath, [CLI, 'convert', ...files, outDir, '--format', 'png', '--window', 'dicom', '--workers', '2'], { account: true });
  const { count: written, bytes } = pngs(outDir);
  rmSync(outDir, { recursive: true, force: true });
  if (r.status !== 0 || written !== files.length) return { problem: `exit ${r.status}, ${written} of ${files.length} PNGs: ${tail(r.stderr)}` };
  return { seconds: r.seconds, othersCores: r.othersCores, pngBytes: bytes / written };
}

/** One run of the Python pipeline over `list`, with 1 process then with Pool(2): its own timing of the loop / pool. */
function pythonConvert(list) {
  const outDir = join(TMP, 'out-python');
  const r = python(['convert', '--list', list, '--out', outDir, '--runs', '1', '--procs', '1,2'], { account: true });
  const { count, bytes } = pngs(outDir);
  rmSync(outDir, { recursive: true, force: true });
  if (r.error) return { problem: r.error };
  return { py1: r.seconds['1'][0], py2: r.seconds['2'][0], othersCores: r.othersCores, pngBytes: count ? bytes / count : undefined };
}

// ---- main -----------------------------------------------------------------------------------------

const startedAt = Date.now();
mkdirSync(TMP, { recursive: true });
const source = sourceFingerprint(ROOT, ['dicom', 'imaging', 'pipeline', 'cli']);
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
log('# @cxrlab/imaging benchmark (npm run bench:imaging)');
log(`date: ${new Date().toISOString()}`);
log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${fmt(memoryGiB(), 1)} GiB`);
log(`library: packages/{dicom,imaging,pipeline,cli}/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}; HEAD ${gitCommit(ROOT)}`);

// tools
const probe = python(['probe']);
if (probe.error) {
  pythonProblem = probe.error;
  log(`node ${process.version}; Python pipeline: NOT AVAILABLE (${pythonProblem}); scripts/setup-reference-tools.sh installs it`);
} else {
  log(`node ${process.version}; Python ${probe.python} (${PYTHON}): pydicom ${probe.pydicom}, GDCM ${probe.gdcm}, numpy ${probe.numpy}, Pillow ${probe.pillow}`);
}
const cliProblem = (() => {
  const r = spawnSync(process.execPath, [CLI, 'convert', '--help'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `cxrlab convert not available (${tail(r.stderr || r.stdout, 1)})`;
})();
const synthHelp = spawnSync(process.execPath, [CLI, 'synth', '--help'], { encoding: 'utf8' });
if (synthHelp.status !== 0) synthProblem = `cxrlab synth not available (${tail(synthHelp.stderr || synthHelp.stdout, 1)})`;
const openjpeg = buildHarness('openjpeg_decode', pkgConfigLibs('libopenjp2', ['-I/usr/include/openjpeg-2.5', '-lopenjp2']), 'libopenjp2-7-dev');
const charls = buildHarness('charls_decode', ['-lcharls'], 'libcharls-dev');
const opj = which('opj_decompress');
const ojph = which('ojph_expand');
const opjVersion = opj ? /version\s+v?([\d.]+)/i.exec(spawnSync('opj_decompress', ['-h'], { encoding: 'utf8' }).stdout ?? '')?.[1] : undefined;
log(`native: OpenJPEG harness (scripts/bench/native/openjpeg_decode.c): ${openjpeg.bin ? 'built' : `not available (${openjpeg.problem})`}; ` +
    `opj_decompress: ${opj ? `${opj}${opjVersion ? ` (OpenJPEG ${opjVersion})` : ''}` : 'not available (apt-get install libopenjp2-tools)'}; ` +
    `CharLS harness (native/charls_decode.c): ${charls.bin ? 'built' : `not available (${charls.problem})`}; ` +
    `ojph_expand: ${ojph ?? 'not available (apt-get install openjph-tools)'}`);
log(`end to end: ${cliProblem ? `cxrlab: ${cliProblem}` : '`node packages/cli/bin/cxrlab.js convert <files> <out-dir> --format png --window dicom --workers 2`, wall time of the whole command'}`);
log(`method: decode: per set ${DECODE_REPS} rounds after a warm-up, each round one decode of every distinct file by cxrlab and the native tools`);
log('        in turn; median per file, mean over a syntax\'s distinct files; single thread on every side.');
log(`        end to end: ${RUNS} runs per set with a target, ${INFO_RUNS} for the others; each run: cxrlab convert, Python 1 process then 2 processes`);
log('        (one interpreter), cxrlab convert of one 64x64 image;');
log('        figures are the median run. Warm page cache. Outputs go to bench-data/imaging/tmp and are deleted after each run.');
log(`        ${WAIT ? 'Before each set and each run the script waits (up to 15 s; 150 s in all) for the other processes to leave the CPUs idle;' : '--no-wait: no waiting for idle CPUs and no runs made again.'}`);
if (WAIT) log('        a run during which other processes used more than 0.25 cores is made again (at most 3 times per set, 10 in all).');
log('');

// data
log('## data');
const tData = performance.now();
const sets = [];
if (ONLY !== 'generated') {
  const rg = rgSets(RG_IMAGES);
  sets.push(...rg);
  log(`RG matrix: ${rg.map((s) => `${s.syntax} (${s.distinct.map((f) => basename(f).slice(0, 3)).join('/')})`).join(', ')}; ${RG_IMAGES} images per syntax end to end (its files repeated) — ${relative(ROOT, join(BENCH, 'rg'))}`);
}
if (ONLY !== 'rg') {
  const gen = generatedSets(IMAGES);
  sets.push(...gen);
  if (gen.length) {
    log(`generated (cxrlab synth --rows ${ROWS} --cols ${COLS} --seed ${SEED}, 12-bit, MONOCHROME1/2 alternating): ${gen.map((s) => `${s.syntax} ${s.images.length} x ${fmt(s.images.reduce((n, f) => n + statSync(f).size, 0) / s.images.length / 1e6, 1)} MB${s.generated ? ` (made in ${s.generated.toFixed(0)} s)` : ''}`).join(', ')} — ${relative(ROOT, join(BENCH, `synth-${ROWS}x${COLS}`))}`);
  }
  if (synthProblem && gen.length < GEN_SYNTAXES.length) log(`generated: ! ${synthProblem}; those syntaxes are left out`);
}
const tiny = ensureSynth(join(BENCH, 'startup-64x64'), { syntax: 'explicit', rows: 64, cols: 64, seed: 1, count: 1 });
const dataSeconds = (performance.now() - tData) / 1000;
log('');

// 1. decode
const tDecode = performance.now();
await initCodecs();
let tinyJph;
for (const s of sets) {
  progress(`decode ${s.set} ${s.syntax}`);
  waitForQuiet();
  const sources = s.distinct.map((f) => pixelSource(readDicomFileSync(f)));
  for (const src of sources) {
    const first = decodeFrameSync(src, 0); // warm-up
    if (!s.rows || first.rows * first.columns > s.rows * s.cols) {
      s.rows = first.rows;
      s.cols = first.columns;
    }
  }
  const native = s.family === 'j2k' ? (openjpeg.bin ? 'openjpeg' : undefined)
    : s.family === 'jls' ? (charls.bin ? 'charls' : undefined)
      : s.family === 'htj2k' && ojph ? 'ojph' : undefined;
  const ext = s.family === 'jls' ? '.jls' : s.family === 'htj2k' ? '.jph' : '.j2k';
  const streams = ['j2k', 'jls', 'htj2k'].includes(s.family) ? s.distinct.map((f) => extractCodestream(f, ext)) : [];
  if (native === 'ojph' && tinyJph === undefined) tinyJph = tinyHtj2k() ?? null;
  // warm-ups (page cache, dynamic loader)
  if (native === 'ojph' && tinyJph) ojphExpand(tinyJph);
  if (s.family === 'j2k' && opj && streams.length) opjDecompress(streams[0]);
  const ours = s.distinct.map(() => []);
  const nat = s.distinct.map(() => []);
  const opjSelf = s.distinct.map(() => []);
  const opjWall = s.distinct.map(() => []);
  const ojphFixed = [];
  const problems = [];
  for (let r = 0; r < DECODE_REPS; r++) {
    sources.forEach((src, i) => {
      const t = performance.now();
      decodeFrameSync(src, 0);
      ours[i].push(performance.now() - t);
    });
    streams.forEach((cs, i) => {
      if (native === 'openjpeg' || native === 'charls') {
        const x = harness(native === 'openjpeg' ? openjpeg : charls, cs);
        if (x.error) problems.push(x.error);
        else nat[i].push(x.ms);
      } else if (native === 'ojph') {
        const x = ojphExpand(cs);
        if (x.error) problems.push(x.error);
        else nat[i].push(x.ms);
        if (i === 0 && tinyJph) ojphFixed.push(ojphExpand(tinyJph).ms);
      }
      if (s.family === 'j2k' && opj) {
        const x = opjDecompress(cs);
        if (x.error) problems.push(x.error);
        else {
          opjSelf[i].push(x.ms);
          opjWall[i].push(x.wallMs);
        }
      }
    });
  }
  const perFile = (xs) => (xs.every((x) => x.length === DECODE_REPS) ? mean(xs.map(median)) : undefined);
  s.decode = { ours: perFile(ours), raw: { ours, native: nat, opjSelf, opjWall, ojphFixed } };
  if (native) {
    const ms = perFile(nat);
    if (ms === undefined) s.decode.nativeTool = `failed: ${problems[0]}`;
    else if (native === 'ojph') {
      const fixed = median(ojphFixed) ?? 0;
      s.decode.native = ms - fixed;
      s.decode.nativeTool = `ojph_expand: process wall ${fmtMs(ms)} ms - ${fmtMs(fixed)} ms for a 16x16 image`;
    } else {
      s.decode.native = ms;
      s.decode.nativeTool = native === 'openjpeg' ? `${openjpeg.version}, in process, 1 thread` : `${charls.version}, in process`;
    }
  } else if (streams.length) {
    s.decode.nativeTool = s.family === 'j2k' ? `OpenJPEG harness not available (${openjpeg.problem})`
      : s.family === 'jls' ? `CharLS harness not available (${charls.problem})` : 'ojph_expand not available';
  }
  if (s.family === 'j2k') {
    const self = perFile(opjSelf);
    if (self !== undefined) s.decode.opj = { ms: self, wallMs: perFile(opjWall) };
    else if (!opj) s.decode.opjProblem = 'opj_decompress not available';
  }
  const py = python(['decode', '--list', writeList(`decode-${s.set}-${s.syntax}`, s.distinct), '--runs', String(DECODE_REPS)]);
  const decoded = s.distinct.map((f) => py.decoded?.[f]);
  if (decoded.every(Boolean)) {
    s.decode.python = mean(decoded.map((x) => median(x.ms)));
    s.decode.pythonHandler = [...new Set(decoded.map((x) => x.handler.replace('_handler', '')))].join('/');
    s.decode.raw.python = decoded.map((x) => x.ms);
  } else {
    s.decode.pythonProblem = py.error ?? s.distinct.map((f) => py.failed?.[f]).find(Boolean);
  }
  if (s.family === 'j2k' && s.decode.python !== undefined) {
    const pinned = python(['decode', '--list', writeList(`decode-${s.set}-${s.syntax}`, s.distinct), '--runs', String(DECODE_REPS), '--one-cpu']);
    const one = s.distinct.map((f) => pinned.decoded?.[f]);
    if (one.every(Boolean)) s.decode.pythonOneCpu = mean(one.map((x) => median(x.ms)));
  }
  if (problems.length) log(`  ! ${s.set} ${s.syntax} native: ${problems[0]}`);
}

const decodeSeconds = (performance.now() - tDecode) / 1000;

// 2. end to end
const tE2e = performance.now();
const others = [];
const MAX_OTHERS = 0.25;
let retriesLeft = 10;
for (const s of sets) {
  const list = writeList(`e2e-${s.set}-${s.syntax}`, s.images);
  const times = { ours: [], startup: [], py1: [], py2: [] };
  const problems = {};
  const pyOk = s.decode.python !== undefined;
  const runs = TARGET[s.family] ? RUNS : INFO_RUNS;
  s.runs = runs;
  progress(`end to end ${s.set} ${s.syntax}: ${s.images.length} images x ${runs} runs`);
  const discarded = [];
  const pngSize = {};
  for (let r = 0; r < runs && !cliProblem; r++) {
    waitForQuiet();
    const steps = [
      ['ours', () => cxrlabConvert(s.images)],
      ...(pyOk ? [['python', () => pythonConvert(list)]] : []),
      ...(tiny.files ? [['startup', () => cxrlabConvert(tiny.files)]] : []),
    ];
    const got = {};
    const load = [];
    for (const [key, step] of steps) {
      const x = step();
      if (x.problem) problems[key] = x.problem;
      else if (key === 'python') Object.assign(got, { py1: x.py1, py2: x.py2 });
      else got[key] = x.seconds;
      if (x.pngBytes !== undefined && key !== 'startup') pngSize[key === 'python' ? 'python' : 'ours'] = x.pngBytes;
      if (x.othersCores !== undefined) load.push(x.othersCores);
    }
    // Another process taking a core halves a 2-worker run but barely slows a 1-process one: a run
    // during which others used more than MAX_OTHERS cores is set aside and made again.
    if (WAIT && Math.max(0, ...load) > MAX_OTHERS && retriesLeft > 0 && discarded.length < 3) {
      retriesLeft--;
      discarded.push({ ...got, othersCores: load });
      r--;
      continue;
    }
    others.push(...load);
    for (const [key, seconds] of Object.entries(got)) times[key].push(seconds);
  }
  if (discarded.length) log(`  ! ${s.set} ${s.syntax}: ${discarded.length} run(s) made again: other processes used up to ${fmt(Math.max(...discarded.flatMap((d) => d.othersCores)), 2)} cores during them`);
  const full = (xs) => xs.length === runs;
  const n = s.images.length;
  const e = { times, problems, discarded, pngSize };
  if (full(times.ours)) e.ours = n / median(times.ours);
  if (full(times.startup)) {
    e.startup = median(times.startup);
    if (e.ours && median(times.ours) > e.startup) e.oursNoStartup = n / (median(times.ours) - e.startup);
  }
  if (full(times.py1)) e.py1 = n / median(times.py1);
  if (full(times.py2)) e.py2 = n / median(times.py2);
  if (!pyOk) e.pyProblem = s.decode.pythonProblem ?? 'Python cannot decode it';
  if (e.ours && e.py1) e.ratio1 = e.ours / e.py1;
  if (e.ours && e.py2) e.ratio2 = e.ours / e.py2;
  if (e.oursNoStartup && e.py1) e.ratio1NoStartup = e.oursNoStartup / e.py1;
  s.e2e = e;
  for (const [k, v] of Object.entries(problems)) log(`  ! ${s.set} ${s.syntax} ${k}: ${v}`);
}

const e2eSeconds = (performance.now() - tE2e) / 1000;

// ---- report -----------------------------------------------------------------------------------------

function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((t) => t[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const r of rows) log(line(r));
}
const setName = (s) => (s.set === 'RG' ? `RG (${s.distinct.map((f) => basename(f).slice(0, 3)).join(',')})` : s.set);

log('');
log(`## decode, ms per image (median of ${DECODE_REPS}; RG: mean over the syntax's 2-3 files, RG2 1760x2140, RG3 1760x1760, RG1 1841x1955; generated: one ${COLS}x${ROWS} file)`);
table(
  ['set', 'transfer syntax', 'cxrlab', 'pydicom + handler', 'native', 'cxrlab / native', 'opj_decompress -threads 1', 'cxrlab / opj', 'native tool'],
  sets.map((s) => [
    setName(s),
    s.label,
    fmtMs(s.decode.ours),
    s.decode.python !== undefined ? `${fmtMs(s.decode.python)} (${s.decode.pythonHandler}${s.decode.pythonOneCpu !== undefined ? `; 1 CPU: ${fmtMs(s.decode.pythonOneCpu)}` : ''})` : 'n/a',
    fmtMs(s.decode.native),
    s.decode.native ? fmtXUp(s.decode.ours / s.decode.native) : '—',
    s.decode.opj ? `${fmtMs(s.decode.opj.ms)} (process ${fmtMs(s.decode.opj.wallMs)})` : '—',
    s.decode.opj ? fmtXUp(s.decode.ours / s.decode.opj.ms) : '—',
    s.decode.nativeTool ?? '—',
  ]),
);
log('');
log(`## end to end, DICOM -> 8-bit PNG, images/s (median of the runs: ${RUNS} for the sets with a target, ${INFO_RUNS} for the others)`);
const verdictOf = (s) => {
  const t = TARGET[s.family];
  if (!t || s.e2e.ratio1 === undefined) return '—';
  if (s.e2e.ratio1 >= t) return 'PASS';
  return s.e2e.ratio1NoStartup !== undefined && s.e2e.ratio1NoStartup >= t ? 'MISS (PASS w/o start-up)' : 'MISS';
};
table(
  ['set', 'transfer syntax', 'images', 'runs', 'cxrlab convert, 2 workers', 'same, start-up excluded', 'Python 1 proc', 'Python 2 procs', 'cxrlab / Py 1 proc', 'w/o start-up', 'cxrlab / Py 2 procs', 'target', 'verdict', 'PNG MB cxrlab / Py'],
  sets.map((s) => [
    s.set, s.label, String(s.images.length), String(s.runs), fmtRate(s.e2e.ours), fmtRate(s.e2e.oursNoStartup),
    s.e2e.py1 !== undefined ? fmtRate(s.e2e.py1) : 'n/a', s.e2e.py2 !== undefined ? fmtRate(s.e2e.py2) : 'n/a',
    fmtX(s.e2e.ratio1), fmtX(s.e2e.ratio1NoStartup), fmtX(s.e2e.ratio2),
    TARGET[s.family] ? `>= ${TARGET[s.family]}x` : '—', verdictOf(s),
    `${fmt(s.e2e.pngSize.ours / 1e6, 2)} / ${s.e2e.pngSize.python !== undefined ? fmt(s.e2e.pngSize.python / 1e6, 2) : '—'}`,
  ]),
);
const startups = sets.map((s) => s.e2e.startup).filter((x) => x !== undefined);
log('');
log('Notes:');
log('- decode, cxrlab: decodeFrameSync on a file already read (codec, then stored values masked to Bits Stored). pydicom: the pixel data');
log('  handler pixel_array picks, on a data set already read (gdcm: gdcm_handler.get_pixeldata: defragment, GDCM decode, copy out through');
log('  a Python str; rle and numpy: pydicom\'s own). GDCM decodes JPEG 2000 with one thread per CPU (2 here), also inside the "Python');
log('  1 proc" pipeline below; "1 CPU" is the same handler with the process pinned to one CPU. Native J2K: libopenjp2 in process on one');
log('  thread (scripts/bench/native/openjpeg_decode.c: codestream in memory; setup, header, decode, end; nothing written) and');
log('  `opj_decompress -i X.j2k -o X.raw -threads 1`, whose own printed "decode time" covers opening the file stream through the decode,');
log('  not process start or writing X.raw ("process": the whole process). Native JPEG-LS: CharLS C API in process');
log('  (native/charls_decode.c). HTJ2K: ojph_expand prints no timing: its process wall time minus that for a 16x16 codestream.');
log('- end to end, cxrlab: the whole `cxrlab convert` process (node start, 2 worker threads started, codecs loaded, read, decode, modality');
log('  LUT, VOI, presentation, 8-bit PNG by @cxrlab/imaging, atomic write with fsync, resume manifest). "start-up excluded": images /');
log(`  (time - time of the same command on one 64x64 native image), i.e. node start, worker start-up and loading what a native conversion`);
log(`  needs taken out, as Python's interpreter start and imports are (a codec a compressed syntax loads on first use stays in); that`);
log(`  one-image command took ${startups.length ? `${fmt(Math.min(...startups), 2)}-${fmt(Math.max(...startups), 2)} s` : '—'} (median per set).`);
log('- end to end, Python (scripts/bench/python_pipeline.py, numpy handler for native data, GDCM for compressed, pydicom\'s RLE handler):');
log('  per image dcmread, pixel_array, apply_modality_lut, apply_voi_lut, MONOCHROME1 inverted, min-max to uint8, Image.fromarray().save');
log('  (Pillow\'s defaults: zlib level 6). 1 proc: the loop only (interpreter start and imports not counted); 2 procs: multiprocessing.Pool(2) (fork)');
log('  start + imap_unordered + join. The targets are against 1 process, the pipeline as people run it; 2 processes is the stricter column.');
log('- "PNG MB": mean size of one output PNG on each side (the two encoders choose filters and zlib levels differently).');
log('- RG sets repeat the 2-3 RG files of a syntax. pydicom 2.3.1 + GDCM 3.0.21 have no HTJ2K decoder, so that row has no Python figures.');
if (others.length) {
  const sorted = [...others].sort((a, b) => a - b);
  log(`- CPU used by OTHER processes during the timed end-to-end commands (machine busy time minus the command's own, /proc/stat and`);
  log(`  GNU time), kept runs: median ${fmt(median(sorted), 2)} cores, 90th percentile ${fmt(sorted[Math.floor(sorted.length * 0.9)], 2)}, max ${fmt(sorted.at(-1), 2)} of ${NCPU}.` +
      (waits.length ? ` Waited ${fmt(waits.reduce((a, b) => a + b, 0), 0)} s in all for idle CPUs.` : ''));
}
log('');

log('## targets');
const verdicts = [];
const check = (label, value, op, limit) => {
  if (value === undefined) {
    log(`${label}: n/a`);
    verdicts.push({ label, verdict: 'n/a' });
    return;
  }
  const pass = op === '>=' ? value >= limit : value <= limit;
  log(`${label}: ${op === '>=' ? fmtX(value) : fmtXUp(value)} (target ${op} ${limit}x) ${pass ? 'PASS' : 'MISS'}`);
  verdicts.push({ label, value, target: `${op} ${limit}`, verdict: pass ? 'PASS' : 'MISS' });
};
for (const s of sets.filter((x) => TARGET[x.family])) {
  check(`end to end, ${s.set} ${s.label}, ${s.images.length} images: cxrlab convert (2 workers) / Python (1 process)`, s.e2e.ratio1, '>=', TARGET[s.family]);
  if (s.e2e.ratio1NoStartup !== undefined) log(`    (start-up excluded: ${fmtX(s.e2e.ratio1NoStartup)}; against Python with 2 processes: ${fmtX(s.e2e.ratio2)})`);
}
const genJ2k = sets.find((s) => s.syntax === 'j2k');
const genJls = sets.find((s) => s.syntax === 'jpeg-ls');
check(`decode, JPEG 2000 lossless ${ROWS}x${COLS}: cxrlab / opj_decompress -threads 1 (its decode time)`, genJ2k?.decode.opj ? genJ2k.decode.ours / genJ2k.decode.opj.ms : undefined, '<=', 1.5);
check(`decode, JPEG 2000 lossless ${ROWS}x${COLS}: cxrlab / libopenjp2 in process, 1 thread`, genJ2k?.decode.native ? genJ2k.decode.ours / genJ2k.decode.native : undefined, '<=', 1.5);
check(`decode, JPEG-LS lossless ${ROWS}x${COLS}: cxrlab / CharLS in process`, genJls?.decode.native ? genJls.decode.ours / genJls.decode.native : undefined, '<=', 1.5);
log('');
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s (data generation/check ${dataSeconds.toFixed(0)} s, decode ${decodeSeconds.toFixed(0)} s, end to end ${e2eSeconds.toFixed(0)} s)`);
const results = {
  date: new Date().toISOString(), node: process.version, nproc, cpu: cpuModel(), source, python: probe, runs: RUNS, decodeReps: DECODE_REPS,
  sets: sets.map(({ images, ...rest }) => ({ ...rest, images: images.length })), othersCores: others, waits, verdicts, totalSeconds: total, dataSeconds, decodeSeconds, e2eSeconds,
};
writeFileSync(JSON_OUT, JSON.stringify(results, null, 1));
log(`raw figures: ${relative(process.cwd(), JSON_OUT)}`);
