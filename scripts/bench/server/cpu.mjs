// CPU accounting from /proc (Linux; undefined elsewhere): how many cores the server, the load generator,
// PostgreSQL and the whole machine used over a phase, and a wait for idle CPUs before one (the
// development VM has 2 cores and other people's work on it).
import { readFileSync, readdirSync } from 'node:fs';
import { CLK_TCK, machineCpu } from '../machine-info.mjs';
import { MAX_WAIT } from './config.mjs';
import { progress } from './progress.mjs';


/** User + system CPU seconds of process `pid` so far. */
export function cpuSecondsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** CPU seconds so far of every process named postgres (the server and its backends; other users' too), by pid. */
export function postgresCpuSeconds() {
  const out = new Map();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') out.set(pid, cpuSecondsOf(pid) ?? 0);
      } catch { /* gone */ }
    }
  } catch {
    return undefined;
  }
  return out;
}

/** CPU seconds used between two postgresCpuSeconds() (a backend that ended meanwhile is not counted). */
const postgresUsed = (a, b) => (a === undefined || b === undefined ? undefined : [...b].reduce((n, [pid, s]) => n + s - (a.get(pid) ?? 0), 0));

/** Busy CPU seconds of the whole machine so far (/proc/stat). */
export const machineBusySeconds = () => machineCpu()?.busy;

/** Starts a meter; calling the result gives the cores used since: server, generator (this process), postgres, machine, others. */
export function cpuMeter(serverPid) {
  const start = { server: cpuSecondsOf(serverPid), self: process.cpuUsage(), pg: postgresCpuSeconds(), machine: machineBusySeconds(), at: performance.now() };
  return () => {
    const seconds = (performance.now() - start.at) / 1000;
    const self = process.cpuUsage(start.self);
    const per = (a, b) => (a === undefined || b === undefined ? undefined : (a - b) / seconds);
    const pg = postgresUsed(start.pg, postgresCpuSeconds());
    const out = { serverCores: per(cpuSecondsOf(serverPid), start.server), generatorCores: (self.user + self.system) / 1e6 / seconds, postgresCores: pg === undefined ? undefined : pg / seconds, machineCores: per(machineBusySeconds(), start.machine) };
    out.otherCores = out.machineCores === undefined ? undefined : Math.max(0, out.machineCores - (out.serverCores ?? 0) - out.generatorCores - (out.postgresCores ?? 0));
    return out;
  };
}

/** Seconds of waiting left to the whole run (MAX_WAIT). */
let waitLeft = MAX_WAIT;

/**
 * Waits (up to `maxSeconds`, and what is left of the run's MAX_WAIT) until the machine's busy cores over
 * 1 s fall under `below`; returns { waited, busy } (busy: the last second's cores).
 */
export async function waitForIdle({ below = 0.3, maxSeconds = 20, label = '' } = {}) {
  const t0 = performance.now();
  for (let said = false; ;) {
    const before = machineBusySeconds();
    await new Promise((r) => setTimeout(r, 1000));
    const busy = before === undefined ? 0 : machineBusySeconds() - before;
    const waited = (performance.now() - t0) / 1000;
    if (busy < below || waited >= Math.min(maxSeconds, waitLeft)) {
      waitLeft = Math.max(0, waitLeft - waited + 1);
      return { waited, busy };
    }
    if (!said) progress(`${label}waiting up to ${Math.min(maxSeconds, waitLeft).toFixed(0)} s for idle CPUs (${busy.toFixed(2)} cores busy)`);
    said = true;
  }
}
