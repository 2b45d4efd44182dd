// The timed rounds of `npm run bench:dataset`: every step (and its 1-image start-up step) once per
// round, in turn. A run whose output is wrong is not a timing; a run during which other processes used
// more than MAX_OTHERS cores is made again (the machine is a shared 2-core VM).
import { mkdirSync, readFileSync } from 'node:fs';
import { MAX_OTHERS, OUT, REDO_PER_RUN, REDO_TOTAL, ROUNDS, WAIT } from './config.mjs';
import { runCheckedStep, runRoundsOf } from '../checked-step.mjs';
import { progress, timed } from '../filter/util.mjs';

export const stats = { waited: 0, redone: 0, others: [] };

const settings = { wait: WAIT, maxOthers: MAX_OTHERS, redoPerRun: REDO_PER_RUN, redoTotal: REDO_TOTAL };
const runStep = (step) => runCheckedStep(step, settings, stats);

/** Reads every input through (untimed), so that the timed runs find them in the page cache. */
export const warmCache = (files) => { for (const f of files) readFileSync(f); };

/**
 * One untimed run of every step (node, Python and NumPy read from disk once; each step's value for
 * the comparisons), then ROUNDS rounds of all steps, `warm()` before each. Returns the seconds it took.
 */
export async function runRounds(steps, warm) {
  mkdirSync(OUT, { recursive: true });
  const t0 = performance.now();
  for (const s of steps.flatMap((x) => [x, x.startup].filter(Boolean))) {
    s.before();
    const r = await timed(s.commands);
    const problem = r.problem ?? s.check(r);
    if (problem) progress(`! warm-up ${s.display}: ${problem}`);
  }
  await runRoundsOf(steps, ROUNDS, warm, runStep);
  return (performance.now() - t0) / 1000;
}
