// `npm run bench:deid`: `cxrlab deid --profile vindr` against what the VinDr-CXR release did
// (a pydicom script), pydicom + GDCM merely decoding, and plain file copies, all in the same run.
// The code is in scripts/bench/deid/ (config, util, vm-guards, data, tools, runners/, steps, rounds,
// report; cxrlab-in-run.mjs is the in-run driver); this file runs them in order.
//
// Workloads, made by `cxrlab synth` into bench-data/deid (once, then reused while their manifest matches):
//  (a) chest-sized uncompressed: --chest files (default 60) of 2788 x 2446 x 16 bit, ~13.6 MB each
//  (b) chest-sized JPEG 2000 lossless: --j2k files (default 12) of 2788 x 2446, ~7.2 MB each
//  (c) header-heavy: --small files (default 2000) of 64 x 64 x 16 bit, ~17 KB each: 8 KB of pixels,
//      the rest a full synth header (~140 elements, sequences nested two deep, private blocks, a
//      VOI LUT on some files), each with its own SOP Instance UID
//
// Timed, per workload, round by round (--runs rounds; default 5, and 3 for JPEG 2000; every tool once
// per round, in turn; the MEDIAN round is shown). Python and cxrlab are each timed two ways, in
// separate processes: "whole process" (spawn to exit: interpreter or node start, imports or module
// loading, every file) and "in-run" (inside a started process, after its imports and one warm-up file).
//  - cp -r IN OUT (coreutils: copy_file_range, the data never enters user space): THE copy baseline
//    of the targets, both ways (its start-up is ~1 ms). Also, as information: 2 cp processes on half
//    the files each; a read + write copy in Node (a new buffer per file; one reused buffer, without
//    and with an fsync of each file); fs.copyFileSync per file; cp -r followed by one `sync`.
//  - scripts/bench/vindr_deid.py: the VinDr-CXR release script (dcmread, delete every top-level tag
//    off the paper's Table 4 whitelist, MD5 of the SOP Instance UID as image id, save), 1 process;
//    whole process: `--bench --no-warmup`, timed from outside; in-run: `--bench`, its loop
//  - scripts/bench/gdcm_decode.py (JPEG 2000 only): dcmread + pixel_array through GDCM, nothing
//    written; the same two ways
//  - `node packages/cli/bin/cxrlab.js deid IN OUT --profile vindr --scrub-pixels off|on --map MAP`
//    (the whole command; no fsync, as cp and pydicom); in-run: scripts/bench/deid/cxrlab-in-run.mjs,
//    the time of `await runDeid([IN, OUT, ...flags], io)` (worker start-up inside); as information,
//    the command with --fsync, and the command on one 64 x 64 file (its fixed start-up cost)
//
// This machine is a VM that works against steady figures in three ways, which the script handles
// (deid/vm-guards.mjs, deid/rounds.mjs):
//  1. Its host takes back guest memory that has been free for ~2 s (virtio-balloon free page
//     reporting); touching such a page again costs a host fault (~2.5 ms per MB: a 0.25 s copy of
//     0.8 GB takes 1-2 s). So every run starts right after the previous run's outputs (or, where
//     those are too few, an untimed copy of the inputs) are truncated: the pages it writes into
//     were in use a moment before, as in a long de-identification run where memory is recycled.
//     That is not always enough (the kernel may hand out pages the host took back before the ones
//     just freed): in a third or more of the runs of workload (a), of every tool, a run spends ~2 ms
//     more system CPU time per MB written (a 0.5 s run takes 1-1.7 s; with several threads busy
//     this also shows as steal time). So a run whose system CPU time (the machine's, /proc/stat)
//     is over 1.25 x the lowest seen for the same step + 0.15 s is made again; a kept run found so
//     only later (no faster run of its step before it) is left out of the median, while at least 2
//     runs of the step remain.
//  2. Its kernel pages out idle page cache (DAMON): inputs are read again before every run and their
//     residency is checked with fincore.
//  3. Its ext4 has no journal: an inode freed in the last 60 s (5 minutes while its inode table block
//     is dirty) is not reused, and every creation in its block group checks each such inode again
//     (file creation went from ~25 to ~300 µs near folders where files had just been deleted). So
//     outputs are truncated, never deleted, between runs (all are deleted at the end); each run's
//     folder sits directly in bench-data/deid/tmp/runs, marked `chattr +T`, so that ext4 puts it in
//     a block group of its own, away from other deletions; and a probe of file creation runs before
//     each workload (at the start it waits up to 60 s while creation is slow).
// Other sessions may share the machine: before each run the script waits (up to 10 s, 60 s in all)
// for idle CPUs, and a run during which other processes used more than 0.3 cores of user CPU, or
// during which more than 64 MB that the run did not write were written back to disk, or with host
// faults (1. above), is made again (at most 3 times per run, 40 times in all).
//
// Options: --runs N (rounds of every workload; default 5, JPEG 2000 3), --quick (1 round of 8 / 3 /
//          300 files: to try the script, not to quote), --chest N, --j2k N, --small N, --only a,b,c,
//          --no-wait (no waiting for idle CPUs, no runs made again), --json PATH (default
//          bench-data/deid/bench-deid-results.json). It takes about 5-6 minutes here (first run: +25 s
//          to make the data, 0.9 GB).
//          CXRLAB_PYTHON=/path/to/python3 overrides /usr/bin/python3.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { release } from 'node:os';
import { relative } from 'node:path';
import {
  BENCH, JSON_OUT, MAPS_DIR, MAX_FOREIGN_MB, MAX_OTHERS, PYTHON, REDO_PER_RUN, REDO_TOTAL, ROOT, RUNS_DIR, TMP, WAIT, runsOf,
} from './deid/config.mjs';
import { WORKLOADS, prepareData } from './deid/data.mjs';
import { printChecks, printFsync, printNotes, printTables, printTargets, resultsJson, summarize } from './deid/report.mjs';
import { runRounds } from './deid/rounds.mjs';
import { probeTools } from './deid/tools.mjs';
import { fmt, gitCommit, log } from './deid/util.mjs';
import { SLOW_CREATE_US, filesystemInfo, makeRunsDir, probeCreation } from './deid/vm-guards.mjs';
import { cpuModel, memoryGiB, sourceFingerprint } from './machine-info.mjs';

const startedAt = Date.now();
mkdirSync(TMP, { recursive: true });
const topdir = makeRunsDir();
const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
const source = sourceFingerprint(ROOT, ['dicom', 'imaging', 'deid', 'pipeline', 'cli']);
const fsInfo = filesystemInfo(BENCH);
const tools = probeTools();
const py = tools.pyVersions;

log('# cxrlab deid benchmark (npm run bench:deid)');
log(`date: ${new Date().toISOString()}`);
log(`machine: nproc=${nproc}, CPU: ${cpuModel()}, RAM ${fmt(memoryGiB(), 1)} GiB; Linux ${release()}`);
log(`filesystem: ${fsInfo.type ?? '?'} on ${fsInfo.source ?? '?'}${fsInfo.type === 'ext4' ? (fsInfo.journal ? ', with a journal' : ', NO journal') : ''} (mount options ${fsInfo.options ?? '?'})`);
log(`library: packages/{dicom,imaging,deid,pipeline,cli}/src, ${source.files} .ts files, sha256 ${source.sha256}, newest change ${source.newest}; HEAD ${gitCommit()}`);
log(`node ${process.version}; ${tools.cpVersion}; ${py ? `Python ${py.python} (${PYTHON}): pydicom ${py.pydicom}, GDCM ${py.gdcm}, numpy ${py.numpy}` : `Python: NOT AVAILABLE (${tools.pythonProblem})`}`);
log(`cxrlab: ${tools.cliProblem ? `! ${tools.cliProblem}` : '`node packages/cli/bin/cxrlab.js deid IN OUT --profile vindr --scrub-pixels off|on --map MAP` (default workers: all cores; no --fsync unless a row says so)'}`);
log(`method: ${WORKLOADS.map((w) => `(${w.key}) ${runsOf(w.key)}`).join(', ')} round(s); every tool once per round in turn; figures are the MEDIAN round. Warm page cache: inputs`);
log('        are read again before every run. Each run writes into a fresh folder in bench-data/deid/tmp (same filesystem), right after');
log('        the previous run\'s outputs are truncated (freed memory this VM\'s host has not taken back yet). No sync or fsync is timed');
log('        except in the rows that say so. MB = 10^6 bytes of INPUT. Python and cxrlab: timed as a whole process and in-run (see below).');
if (WAIT) {
  log(`        Before each run: wait (up to 10 s; 60 s in all) for idle CPUs; a run during which others used > ${MAX_OTHERS} cores (user), > ${MAX_FOREIGN_MB} MB`);
  log(`        not its own were written back, or with host faults (see the notes) is made again (${REDO_PER_RUN} times per run, ${REDO_TOTAL} in all).`);
}
log('');

const data = prepareData();
const startProbe = probeCreation('start', WAIT ? 60 : 0);
log(`file creation (create + 1 byte + close; 300 new files): ${fmt(startProbe, 0)} µs per file${startProbe > SLOW_CREATE_US ? ' — SLOW: files deleted on this filesystem in the last minutes slow every creation; figures with many files will be low' : ''}`);
log('');

const runsSeconds = await runRounds(data.sets, data.startupDir);

summarize(data.sets);
printTables(data.sets);
printFsync(data.sets);
printChecks(data.sets);
printNotes(data.sets, { topdir });
const verdicts = printTargets(data.sets);
log('');
const total = (Date.now() - startedAt) / 1000;
log(`benchmark time: ${total.toFixed(0)} s (data generation/check ${data.seconds.toFixed(0)} s, runs ${runsSeconds.toFixed(0)} s)`);
const base = { date: new Date().toISOString(), node: process.version, nproc, cpu: cpuModel(), kernel: release(), filesystem: fsInfo, cp: tools.cpVersion,
  python: py, source, commit: gitCommit() };
writeFileSync(JSON_OUT, JSON.stringify({ ...resultsJson(data.sets, base), verdicts, totalSeconds: total, dataSeconds: data.seconds, runsSeconds }, null, 1));
log(`raw figures: ${relative(process.cwd(), JSON_OUT)}`);

// clean-up: every output at once, then sync, so that the freed inodes' table blocks are clean (see the header)
rmSync(RUNS_DIR, { recursive: true, force: true });
rmSync(MAPS_DIR, { recursive: true, force: true });
spawnSync('sync');
