// One timed, checked run of a bench step, shared by bench:filter and bench:dataset: a run whose
// output is wrong is not a timing, and a run during which other processes used more than
// `maxOthers` cores is made again (the machine is a shared 2-core VM); and the rounds of such steps.
import { fmt, median } from './format.mjs';
import { progress, timed, waitForQuiet } from './filter/util.mjs';

/**
 * Runs `step` (its before(), commands and check(r)) and adds { seconds, cpu, others, loopSeconds?,
 * own? } to step.runs, or a problem to step.problems. `settings`: { wait, maxOthers, redoPerRun,
 * redoTotal }; `stats`: { waited, redone, others[] }, updated.
 */
export async function runCheckedStep(step, settings, stats) {
  for (let attempt = 0; ; attempt++) {
    if (settings.wait) stats.waited += waitForQuiet(attempt === 0 ? 5 : 10);
    step.before();
    const r = await timed(step.commands);
    const problem = r.problem ?? step.check(r);
    if (problem) {
      (step.problems ??= []).push(problem);
      progress(`! ${step.display}: ${problem}`);
      return;
    }
    const busy = r.others !== undefined && r.others > settings.maxOthers;
    if (busy && settings.wait && attempt < settings.redoPerRun && stats.redone < settings.redoTotal) {
      stats.redone++;
      progress(`  others used ${fmt(r.others, 2)} cores during ${step.display}: made again`);
      continue;
    }
    if (r.others !== undefined) stats.others.push(r.others);
    (step.runs ??= []).push({
      seconds: r.seconds, cpu: r.cpu, others: r.others,
      ...(r.loopSeconds !== undefined ? { loopSeconds: r.loopSeconds } : {}), ...(step.own !== undefined ? { own: step.own } : {}),
    });
    return;
  }
}

/** `rounds` rounds of every step and its start-up step, in turn, `warm()` before each round. */
export async function runRoundsOf(steps, rounds, warm, runStep) {
  for (let round = 1; round <= rounds; round++) {
    progress(`round ${round} of ${rounds}`);
    warm();
    for (const step of steps) {
      await runStep(step);
      if (step.startup) await runStep(step.startup);
    }
  }
}

/** The line that says how disturbed the kept runs were (`stats` as runCheckedStep keeps it). */
export function othersLine(stats) {
  return `- CPU used by OTHER processes during the kept runs (machine busy time minus the command's own): median ${fmt(median(stats.others), 2)} cores,` +
    ` max ${fmt(Math.max(0, ...stats.others), 2)}; runs made again: ${stats.redone}; waited ${fmt(stats.waited, 0)} s for idle CPUs.`;
}
