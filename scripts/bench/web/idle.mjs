// A wait for idle CPUs before a phase (the development VM has 2 cores and other people's work on it):
// until the machine's busy cores over 1 s fall under `below`, at most `maxSeconds` (and what is left of the
// run's budget); the benchmark prints what it found, so a figure taken on a busy machine says so.
import { machineCpu } from '../machine-info.mjs';

let budget = 120;

export async function waitForIdle(progress, { below = 0.4, maxSeconds = 20, label = '' } = {}) {
  const t0 = performance.now();
  for (let said = false; ;) {
    const before = machineCpu()?.busy;
    await new Promise((r) => setTimeout(r, 1000));
    const busy = before === undefined ? 0 : machineCpu().busy - before;
    const waited = (performance.now() - t0) / 1000;
    if (busy < below || waited >= Math.min(maxSeconds, budget)) {
      budget = Math.max(0, budget - waited + 1);
      return { waited, busy };
    }
    if (!said) progress(`${label}waiting up to ${Math.min(maxSeconds, budget).toFixed(0)} s for idle CPUs (${busy.toFixed(2)} cores busy)`);
    said = true;
  }
}
