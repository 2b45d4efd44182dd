// The cxrlab rows of `npm run bench:deid`, timed two ways:
//  - 'process': `node packages/cli/bin/cxrlab.js deid IN OUT --profile vindr --scrub-pixels off|on
//    --map MAP`, spawn to exit (node start, module loading, worker pool, every file, map, report);
//  - 'in-run': ../cxrlab-in-run.mjs, which loads packages/cli/dist/commands/deid.js, de-identifies
//    one warm-up file, then times `await runDeid([IN, OUT, ...flags], io)` (worker start-up and
//    shut-down inside; module loading outside, as Python's imports).
import { join } from 'node:path';
import { CLI, IN_RUN_DRIVER, RUNS_DIR, MAPS_DIR } from '../config.mjs';
import { tools } from '../tools.mjs';
import { countDicom, run, tail } from '../util.mjs';

const flagsOf = (map, scrub, extra) => ['--profile', 'vindr', '--scrub-pixels', scrub, '--map', map, ...extra];

/** The whole command; { seconds, user, said } or { problem }. */
export function cxrlabProcess(dir, out, map, scrub, expected, extra = []) {
  if (tools.cliProblem) return { skipped: true };
  const r = run(process.execPath, [CLI, 'deid', dir, out, ...flagsOf(map, scrub, extra)], { account: true });
  const written = countDicom(out);
  if (r.status !== 0 || written !== expected) {
    return { problem: `exit ${r.status}${r.signal ? ` (${r.signal})` : ''}, ${written} of ${expected} .dicom files: ${tail(r.stderr || r.stdout, 2)}` };
  }
  return { seconds: r.seconds, user: r.user, said: tail(r.stdout || r.stderr, 1) };
}

let warmups = 0;
/**
 * runDeid in-process (the driver); { seconds (runDeid only), wall (the driver process), warmup (s),
 * user, said, scratch (the warm-up's output folder, to truncate with the run's) } or { problem }.
 */
export function cxrlabInRun(dir, out, map, scrub, expected, warmupDir) {
  if (tools.cliProblem) return { skipped: true };
  const n = warmups++;
  const scratch = join(RUNS_DIR, `inrun-warmup-${n}-${process.pid}`);
  const warm = warmupDir ? ['--warmup', warmupDir, scratch, join(MAPS_DIR, `inrun-warmup-${n}.jsonl`)] : [];
  const r = run(process.execPath, [IN_RUN_DRIVER, ...warm, '--', dir, out, ...flagsOf(map, scrub, [])], { account: true });
  let got;
  try {
    got = JSON.parse((r.stdout || '').trim().split('\n').pop());
  } catch { /* below */ }
  const written = countDicom(out);
  if (r.status !== 0 || !got || written !== expected) {
    return { problem: `driver exit ${r.status}${r.signal ? ` (${r.signal})` : ''}, ${written} of ${expected} .dicom files: ${tail(got?.said || r.stderr || r.stdout, 2)}`, scratch };
  }
  return { seconds: got.ms / 1000, wall: r.seconds, warmup: got.warmupMs === undefined ? undefined : got.warmupMs / 1000, user: r.user, said: got.said, scratch };
}

const processStep = (key, label, scrub, extra = [], more = {}) => ({
  key, label, group: 'cxrlab', timed: 'process', verify: extra.length === 0,
  run: ({ dir, files, map }, out) => cxrlabProcess(dir, out, map, scrub, files.length, extra), ...more,
});
const inRunStep = (key, label, scrub) => ({
  key, label, group: 'cxrlab', timed: 'in-run',
  run: ({ dir, files, map, startupDir }, out) => cxrlabInRun(dir, out, map, scrub, files.length, startupDir),
});

export const cxrlabSteps = {
  offProcess: processStep('cxrlab-off-process', 'cxrlab deid --profile vindr --scrub-pixels off, whole process', 'off'),
  offInRun: inRunStep('cxrlab-off-inrun', 'cxrlab deid --profile vindr --scrub-pixels off, in-run (runDeid)', 'off'),
  onProcess: processStep('cxrlab-on-process', 'cxrlab deid --profile vindr --scrub-pixels on, whole process', 'on'),
  onInRun: inRunStep('cxrlab-on-inrun', 'cxrlab deid --profile vindr --scrub-pixels on, in-run (runDeid)', 'on'),
  offFsync: processStep('cxrlab-off-fsync', 'cxrlab deid ... --scrub-pixels off --fsync, whole process', 'off', ['--fsync'], { disk: true }),
  startup: {
    key: 'cxrlab-startup', label: 'cxrlab deid ... off, one 64 x 64 file (start-up), whole process', group: 'cxrlab', timed: 'process', startup: true,
    run: ({ map, startupDir }, out) => cxrlabProcess(startupDir, out, map, 'off', 1),
  },
};
