// The steps (table rows) of one workload of `npm run bench:deid`, in the order they run each round
// and are shown.
//
// A step: { key, label, group: 'copy' | 'python' | 'cxrlab', timed: 'process' | 'in-run',
//   run(ctx, out) -> { seconds, user?, wall?, loop?, warmup?, said?, scratch? } | { problem } | { skipped },
//   verify? (first round: outputs read back by pydicom), disk? (waits for the disk itself),
//   writesBack? (starts writeback it does not wait for), noOutput?, startup? (one file) }
// with ctx = { dir, files, map, startupDir }. 'process' rows are timed from spawn to exit; 'in-run'
// rows inside a process whose start-up and module loading are not counted.
import { copySteps as c } from './runners/copy.mjs';
import { cxrlabSteps as x } from './runners/cxrlab.mjs';
import { pythonSteps as p } from './runners/python.mjs';
import { tools } from './tools.mjs';

export function stepsFor(w) {
  const hasFsync = /--fsync\b/.test(tools.cliHelp);
  return [
    c.cp, c.cp2, c.rw, c.rwReuse, c.rwFsync,
    ...(hasFsync ? [x.offFsync] : []), // beside the read + write + fsync copy
    c.copyFile, c.cpSync,
    p.pydicomProcess, p.pydicomInRun,
    ...(w.syntax === 'j2k' ? [p.gdcmProcess, p.gdcmInRun] : []),
    x.offProcess, x.offInRun, x.onProcess, x.onInRun, x.startup,
  ];
}
