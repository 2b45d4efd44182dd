// `npm run bench:filter`: `cxrlab filter` in images/s, with and without a ResNet-18-sized ONNX model,
// beside the same preprocessing in pydicom + NumPy + Pillow and a pydicom header read, in the same run.
// The code is in scripts/bench/filter/ (config, util, data, model, steps, rounds, report, and the two
// Python references); this file runs them in order.
//
// Data, made by `cxrlab synth` into bench-data/filter (once, then reused while its manifest matches):
//  chest-sized: --chest files (default 60) of 2788 x 2446 x 16 bits allocated, explicit VR LE, 13.6 MB
//  header-heavy small: --small files (default 3000) of 64 x 64 with the same full synthetic header
//  model: resnet18Model({ seed: 1 }) of @cxrlab/filter/testing (random weights, 45 MB)
//
// Rows (each a whole process, spawn to exit; every cxrlab run with --force, its manifest and journal
// deleted before, and its manifest checked after: a row per file, none unreadable, a score on each
// with --model; a run that fails the check is not a timing; each also run on 1 file: start-up):
//  (a) cxrlab filter SMALL --header-only --workers 2 (and 1) / filter/pydicom_headers.py SMALL (1 process,
//      and 2 processes on halves): dcmread(stop_before_pixels=True) + the header rules' tags
//  (b) cxrlab filter CHEST --workers 2 (header + quality checks) / filter/vindr_preprocess.py CHEST
//      (dcmread, pixel_array, scale by max, invert, equalise, PIL bilinear 224x224, ImageNet
//      normalisation; 1 process and 2 processes on halves)
//  (c) cxrlab filter CHEST --model resnet18.onnx --workers 2 (and --workers 1, as information)
//  (d) cxrlab filter CHEST --header-only --workers 2 (as information: few files)
// Every step runs once per round, in turn (--runs rounds, default 3; the median round is shown).
// Before each run the script waits (up to 5 s) for idle CPUs; a run during which other processes
// used more than 0.3 cores is made again (2 times per run, 20 in all). --quick: 1 round of 8 chest
// and 300 small files (to try the script, not to quote). --no-wait, --chest N, --small N, --json PATH.
// CXRLAB_PYTHON=/path/to/python3 overrides /usr/bin/python3. About 4 minutes here (first run: +3
// minutes to make the data, 0.9 GB).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join, relative } from 'node:path';
import { cpuModel, gitCommit, memoryGiB, sourceFingerprint } from './machine-info.mjs';
import { CLI, JSON_OUT, MAX_OTHERS, PYTHON, ROOT, ROUNDS, WAIT } from './filter/config.mjs';
import { prepareData, warmCache } from './filter/data.mjs';
import { printRatios, printTable, printTargets, resultsJson, summarize } from './filter/report.mjs';
import { runRounds, stats } from './filter/rounds.mjs';
import { makeSteps } from './filter/steps.mjs';
import { measureStages } from './filter/stages.mjs';
import { fmt, log, tail } from './filter/util.mjs';
import { othersLine } from './checked-step.mjs';

const startedAt = Date.now();
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
const source = sourceFingerprint(ROOT, ['dicom', 'imaging', 'filter', 'pipeline', 'cli']);
const py = spawnSync(PYTHON, ['-c', 'import json, sys, pydicom, numpy, PIL; print(json.dumps({"python": sys.version.split()[0], "pydicom": pydicom.__version__, "numpy": numpy.__version__, "pillow": PIL.__version__}))'], { encoding: 'utf8' });
let pyVersions;
try {
  pyVersions = JSON.parse(py.stdout.trim());
} catch {
  console.error(`${PYTHON} cannot import pydicom, numpy and PIL (${tail(py.stderr || py.error?.message, 1)}): apt-get install python3-pydicom python3-numpy python3-pil, or set CXRLAB_PYTHON`);
  process.exit(1);
}
const help = spawnSync(process.execPath, [CLI, 'filter', '--help'], { encoding: 'utf8' });
if (help.status !== 0) {
  console.error(`\`cxrlab filter --help\` failed (exit ${help.status}): ${tail(help.stderr || help.stdout)}; run npm run build`);
  process.exit(1);
}
const ortVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules/onnxruntime-node/package.json'), 'utf8')).version;

log('# cxrlab filter benchmark (npm run bench:filter)');
log(`date: ${new Date().toISOString()}`);
log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${fmt(memoryGiB(), 1)} GiB; Linux ${release()}`);
log(`library: packages/{dicom,imaging,filter,pipeline,cli}/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}; HEAD ${gitCommit(ROOT)}`);
log(`node ${process.version}, onnxruntime-node ${ortVersion}; Python ${pyVersions.python} (${PYTHON}): pydicom ${pyVersions.pydicom}, numpy ${pyVersions.numpy}, Pillow ${pyVersions.pillow}`);
log(`method: ${ROUNDS} round(s), every command once per round in turn; figures are the MEDIAN round. Warm page cache (inputs read through before`);
log('        each round). Whole processes, spawn to exit, timed from this script.' +
    (WAIT ? ` Before each run: wait up to 5 s for idle CPUs; a run during which others used > ${MAX_OTHERS} cores is made again.` : ''));
log('');

let data;
try {
  data = await prepareData();
} catch (error) {
  console.error(`cannot make the data: ${error.message}`);
  process.exit(1);
}
const { chest, small } = data.sets;
const steps = makeSteps(data.sets);
const warm = () => warmCache([...chest.files, ...small.files]);
warm();
log('');

const runsSeconds = await runRounds(steps, warm);
const by = summarize(steps);
printTable(steps);
log(othersLine(stats));
log('');
printRatios(by);
log('');
const verdicts = printTargets(by);
log('');
// where a chest image's time goes with the model (one thread, in process): explains row (c)
const stages = measureStages(data.model.path, chest.files.slice(0, 20));
if (stages.problem) log(`stages: ${stages.problem}`);
else {
  const total = Object.values(stages.stages).reduce((a, b) => a + b, 0);
  log(`## per-image stages with the model, one thread in one process (median of ${stages.images} chest images, ms)`);
  log(Object.entries(stages.stages).map(([name, ms]) => `${name} ${fmt(ms, 1)}`).join(', ') + `; total ${fmt(total, 1)} ms`
    + ` = ${fmt(1000 / total, 1)} images/s per core, ${fmt(2000 / total, 1)} on 2 cores if two workers scaled perfectly`);
}
log('');
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s (data generation/check ${data.seconds.toFixed(0)} s, runs ${runsSeconds.toFixed(0)} s)`);
const base = { date: new Date().toISOString(), node: process.version, onnxruntime: ortVersion, nproc, cpu: cpuModel(), memoryGiB: memoryGiB(), kernel: release(),
  python: pyVersions, source, commit: gitCommit(ROOT), others: stats };
writeFileSync(JSON_OUT, JSON.stringify({ ...resultsJson(steps, base), verdicts, stages, totalSeconds: total, dataSeconds: data.seconds, runsSeconds }, null, 1));
log(`raw figures: ${relative(process.cwd(), JSON_OUT)}`);
