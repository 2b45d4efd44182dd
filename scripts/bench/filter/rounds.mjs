// The timed rounds of `npm run bench:filter`: every step (and its 1-file start-up step) once per
// round, in turn. A run whose output is wrong is not a timing; a run during which other processes
// used more than MAX_OTHERS cores is made again (the machine is a shared 2-core VM).
import { mkdirSync } from 'node:fs';
import { MAX_OTHERS, OUT, REDO_PER_RUN, REDO_TOTAL, ROUNDS, WAIT } from './config.mjs';
import { runCheckedStep, runRoundsOf } from '../checked-step.mjs';
import { timed } from './util.mjs';

export const stats = { waited: 0, redone: 0, others: [] };

const settings = { wait: WAIT, maxOthers: MAX_OTHERS, redoPerRun: REDO_PER_RUN, redoTotal: REDO_TOTAL };
const runStep = (step) => runCheckedStep(step, settings, stats);

/** Runs ROUNDS rounds of all steps (`warm()` before each round); returns the seconds it took. */
export async function runRounds(steps, warm) {
  mkdirSync(OUT, { recursive: true });
  const t0 = performance.now();
  // untimed: one run of every 1-file step (loads node, Python, onnxruntime and the model from disk once)
  for (const s of steps) if (s.startup) { s.startup.before(); await timed(s.startup.commands); }
  await runRoundsOf(steps, ROUNDS, warm, runStep);
  return (performance.now() - t0) / 1000;
}
