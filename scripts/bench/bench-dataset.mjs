// `npm run bench:dataset`: the dataset commands of cxrlab on a VinDr-CXR-sized synthetic release, each
// beside a Python reference (csv module + NumPy; Debian's python3 has no pandas) in the same run.
// The code is in scripts/bench/dataset/ (config, data, submission, steps, rounds, report, and the three
// Python references); this file runs them in order.
//
// Data, made into bench-data/dataset (once, then reused while its manifest matches):
//  release: cxrlab synth-release --train 15000 --test 3000 --seed 1 (3 readers per training image)
//  submission: 100 seeded detections on each test image with rows in annotations_test.csv (dataset/submission.mjs)
//  the same on a 1-image release (--train 1 --test 1), for the start-up rows
// Rows (each a whole process, spawn to exit; each also run on the 1-image release: its start-up):
//  (a) cxrlab stats RELEASE --json / dataset/stats_reference.py: Table 2's label counts by majority vote
//  (b) cxrlab eval --gt annotations_test.csv --pred submission.csv --json / dataset/eval_reference.py:
//      evaluate() of scripts/goldens/generate_dataset_goldens.py (VOC AP at IoU 0.4, mean over classes)
//  (c) cxrlab fuse annotations_train.csv --out C.csv / dataset/fuse_reference.py: wbf() of
//      scripts/goldens/generate_fusion_goldens.py per image and class
//  (d) as information: cxrlab agreement --labels --boxes, cxrlab synth-release; cxrlab --help (start-up)
// Each pair must agree (counts; mAP within 1e-9; consensus rows), else it is not a timing. Every step
// runs once per round, in turn (--runs rounds, default 3; the median round is shown). Before each run
// the script waits (up to 5 s) for idle CPUs; a run during which other processes used more than 0.3
// cores is made again. --quick: 1 round (to try the script, not to quote). --no-wait, --json PATH.
// CXRLAB_PYTHON=/path/to/python3 overrides /usr/bin/python3. About 2 minutes here.
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { join, relative } from 'node:path';
import { cpuModel, gitCommit, memoryGiB, sourceFingerprint } from './machine-info.mjs';
import { CLI, JSON_OUT, MAX_OTHERS, PYTHON, ROOT, ROUNDS, TARGETS, WAIT } from './dataset/config.mjs';
import { prepareData } from './dataset/data.mjs';
import { compare, printRatios, printTable, printTargets, resultsJson, summarize } from './dataset/report.mjs';
import { runRounds, stats, warmCache } from './dataset/rounds.mjs';
import { makeSteps } from './dataset/steps.mjs';
import { fmt, log, tail } from './format.mjs';
import { othersLine } from './checked-step.mjs';

const startedAt = Date.now();
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
const source = sourceFingerprint(ROOT, ['dataset', 'cli']);
const py = spawnSync(PYTHON, ['-c', 'import json, sys, numpy; print(json.dumps({"python": sys.version.split()[0], "numpy": numpy.__version__}))'], { encoding: 'utf8' });
let pyVersions;
try {
  pyVersions = JSON.parse(py.stdout.trim());
} catch {
  console.error(`${PYTHON} cannot import numpy (${tail(py.stderr || py.error?.message, 1)}): apt-get install python3-numpy, or set CXRLAB_PYTHON`);
  process.exit(1);
}
const pandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
for (const command of ['stats', 'eval', 'fuse', 'agreement', 'synth-release']) {
  const help = spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' });
  if (help.status !== 0) {
    console.error(`\`cxrlab ${command} --help\` failed (exit ${help.status}): ${tail(help.stderr || help.stdout)}; run npm run build`);
    process.exit(1);
  }
}

log('# cxrlab dataset benchmark (npm run bench:dataset)');
log(`date: ${new Date().toISOString()}`);
log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${fmt(memoryGiB(), 1)} GiB; Linux ${release()}`);
log(`library: packages/{dataset,cli}/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}; HEAD ${gitCommit(ROOT)}`);
log(`node ${process.version}; Python ${pyVersions.python} (${PYTHON}): numpy ${pyVersions.numpy}, ${pandas ? 'pandas installed (not used)' : 'no pandas (the references use the csv module)'}`);
log(`method: ${ROUNDS} round(s), every command once per round in turn; figures are the MEDIAN round. Warm page cache (inputs read through before`);
log('        each round). Whole processes, spawn to exit, timed from this script.' +
    (WAIT ? ` Before each run: wait up to 5 s for idle CPUs; a run during which others used > ${MAX_OTHERS} cores is made again.` : ''));
log('');

let data;
try {
  data = prepareData();
} catch (error) {
  console.error(`cannot make the data: ${error.message}`);
  process.exit(1);
}
const inputs = [data.full, data.tiny].flatMap((d) => [d.submission, ...['annotations_train.csv', 'annotations_test.csv', 'image_labels_train.csv', 'image_labels_test.csv'].map((f) => join(d.release, 'annotations', f))]);
const warm = () => warmCache(inputs);
log('');

const steps = makeSteps(data);
const runsSeconds = await runRounds(steps, warm);
compare(steps);
const by = summarize(steps);
printTable(steps);
log(othersLine(stats));
log('');
printRatios(by);
log('');
const verdicts = printTargets(by);
log('');
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s (data generation/check ${data.seconds.toFixed(0)} s, runs ${runsSeconds.toFixed(0)} s)`);
const base = { date: new Date().toISOString(), node: process.version, nproc, cpu: cpuModel(), memoryGiB: memoryGiB(), kernel: release(), python: { ...pyVersions, pandas },
  source, commit: gitCommit(ROOT), targets: TARGETS, data: { full: data.full, tiny: data.tiny }, others: stats };
writeFileSync(JSON_OUT, JSON.stringify({ ...resultsJson(steps, base), verdicts, totalSeconds: total, dataSeconds: data.seconds, runsSeconds }, null, 1));
log(`raw figures: ${relative(process.cwd(), JSON_OUT)}`);
