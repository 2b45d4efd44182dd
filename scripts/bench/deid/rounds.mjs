// The timed runs of `npm run bench:deid`: per workload, round by round, every step once per round in
// turn, each run guarded against this VM's quirks (../bench-deid.mjs, header) and made again when
// other processes disturbed it.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAPS_DIR, MAX_FOREIGN_MB, MAX_OTHERS, MB, REDO_PER_RUN, REDO_TOTAL, RUNS_DIR, WAIT, runsOf } from './config.mjs';
import { cxrlabInRun, cxrlabProcess } from './runners/cxrlab.mjs';
import { verifyOutputs } from './runners/python.mjs';
import { stepsFor } from './steps.mjs';
import { tools } from './tools.mjs';
import { fmt, log, progress, run, treeBytes } from './util.mjs';
import { machineCpu } from '../machine-info.mjs';
import { hostFaultLimit, probeCreation, residency, truncateAll, waitForQuiet, warm, writtenBytes } from './vm-guards.mjs';

/** Whether cxrlab's output names (image ids) are the pydicom script's. */
function namesCompare(a, b) {
  if (!existsSync(a) || !existsSync(b)) return undefined;
  const na = readdirSync(a).filter((n) => n.endsWith('.dicom')).sort();
  const nb = new Set(readdirSync(b).filter((n) => n.endsWith('.dicom')));
  return { same: na.length === nb.size && na.every((n) => nb.has(n)), ours: na.length, theirs: nb.size };
}

/** cxrlab's code and codecs into the page cache: the command and the in-run driver on one file, each scrub mode. */
function warmUpCxrlab(startupDir) {
  if (tools.cliProblem) return;
  mkdirSync(MAPS_DIR, { recursive: true });
  for (const scrub of ['off', 'on']) {
    const outs = [join(RUNS_DIR, `warmup-${scrub}-${process.pid}`), join(RUNS_DIR, `warmup-inrun-${scrub}-${process.pid}`)];
    const a = cxrlabProcess(startupDir, outs[0], join(MAPS_DIR, `warmup-${scrub}.jsonl`), scrub, 1);
    if (a.problem) log(`  ! cxrlab deid warm-up (--scrub-pixels ${scrub}): ${a.problem}`);
    const b = cxrlabInRun(startupDir, outs[1], join(MAPS_DIR, `warmup-inrun-${scrub}.jsonl`), scrub, 1);
    if (b.problem) log(`  ! cxrlab in-run driver warm-up (--scrub-pixels ${scrub}): ${b.problem}`);
    for (const o of [...outs, b.scratch]) if (o) truncateAll(o);
  }
}

/**
 * Runs every workload's rounds; fills each set with steps, kept (per step, one record per kept run:
 * { round, seconds, wall?, loop?, warmup?, sys, steal, hostFaults? }), times, walls, loops and
 * warmups (per step, of the kept runs not marked hostFaults), others, foreign, redone, dropped,
 * resident, problems, checks, said, names. Returns the seconds it took.
 */
export async function runRounds(sets, startupDir) {
  const t0All = performance.now();
  warmUpCxrlab(startupDir);
  let redoLeft = WAIT ? REDO_TOTAL : 0;
  const runId = `${process.pid.toString(36)}${Date.now().toString(36).slice(-4)}`;
  for (const s of sets) {
    s.steps = stepsFor(s);
    const perStep = () => Object.fromEntries(s.steps.map((st) => [st.key, []]));
    Object.assign(s, { kept: perStep(), others: [], foreign: [], redone: [], resident: [],
      problems: {}, checks: {}, said: {}, firstOut: {}, runs: runsOf(s.key) });
    const lowestSys = {}; // per step, over every run made (kept or not)
    progress(`(${s.key}) ${s.label}: ${s.files.length} files, ${s.runs} round(s) of ${s.steps.length} steps`);
    warm(s.files);
    probeCreation(s.key, 0);
    let pending = []; // output folders not yet truncated: truncated right before the next run
    let ballasts = 0;
    for (let r = 0; r < s.runs; r++) {
      for (const st of s.steps) {
        if (s.problems[st.key]) continue; // failed once: not again
        if (st.group === 'cxrlab' && tools.cliProblem) continue;
        for (let attempt = 0; ; attempt++) {
          // directly in RUNS_DIR (chattr +T): each run's folder lands in its own block group
          const out = join(RUNS_DIR, `${s.key}-${st.key}-r${r}-${attempt}-${runId}`);
          const map = join(MAPS_DIR, `${s.key}-${st.key}-r${r}-${attempt}.jsonl`);
          waitForQuiet();
          warm(s.files);
          const res = residency(s.files, s.bytes);
          if (res !== undefined) s.resident.push(res);
          // memory freed a moment ago, as much as the inputs: the previous run's outputs, topped up by a copy of the inputs
          if (pending.reduce((n, p) => n + p.bytes, 0) < 0.9 * s.bytes) {
            const ballast = join(RUNS_DIR, `${s.key}-ballast-${ballasts++}-${runId}`);
            run('cp', ['-r', s.dir, ballast]);
            pending.push({ dir: ballast, bytes: s.bytes });
          }
          for (const p of pending) truncateAll(p.dir);
          pending = [];
          const a = machineCpu();
          const w0 = writtenBytes();
          const t0 = performance.now();
          const x = await st.run({ dir: s.dir, files: s.files, map, startupDir }, out);
          const wall = (performance.now() - t0) / 1000;
          const b = machineCpu();
          const w1 = writtenBytes();
          if (!st.noOutput) pending.push({ dir: out, bytes: treeBytes(out) });
          if (x.scratch) pending.push({ dir: x.scratch, bytes: treeBytes(x.scratch) });
          if (x.skipped) break;
          if (x.problem) {
            s.problems[st.key] = x.problem;
            log(`  ! (${s.key}) ${st.label}: ${x.problem}`);
            break;
          }
          // Others' work meanwhile: user CPU of other processes (the machine's user time minus this run's own, in
          // cores; kernel time is left out, as the kernel works for this run too), and data written back to disk
          // beyond what this run writes itself (another process's writes being flushed), and time the host stole
          // from our vCPUs (it shows when the run's memory had been taken back by the host: ~2 ms of extra system
          // time per MB written, see the header).
          const others = a && b && x.user !== undefined ? Math.max(0, (b.user - a.user - x.user) / wall) : undefined;
          const ownWrites = st.disk || st.writesBack ? treeBytes(out) : 0;
          const foreignMB = w0 !== undefined && w1 !== undefined ? Math.max(0, w1 - w0 - ownWrites) / MB : undefined;
          const sys = b.sys - a.sys;
          const steal = b.steal - a.steal;
          const hostFaults = lowestSys[st.key] !== undefined && sys > hostFaultLimit(lowestSys[st.key]);
          lowestSys[st.key] = Math.min(lowestSys[st.key] ?? Infinity, sys);
          const busy = (others !== undefined && others > MAX_OTHERS && others * wall > 0.05) || (foreignMB !== undefined && foreignMB > MAX_FOREIGN_MB) || hostFaults;
          if (busy && attempt < REDO_PER_RUN && redoLeft > 0) {
            redoLeft--;
            s.redone.push({ step: st.key, round: r, seconds: x.seconds, others, foreignMB, sys, steal, hostFaults });
            continue;
          }
          if (others !== undefined) s.others.push(others);
          if (foreignMB !== undefined) s.foreign.push(foreignMB);
          s.kept[st.key].push({ round: r, seconds: x.seconds, wall: x.wall, loop: x.loop, warmup: x.warmup, sys, steal });
          if (x.said) s.said[st.key] = x.said;
          if (r === 0) {
            s.firstOut[st.key] = out;
            if (st.verify && !tools.pythonProblem) {
              const v = verifyOutputs(out, s.dir);
              s.checks[st.key] = v.problem ? { problem: v.problem } : v;
            }
          }
          break;
        }
      }
    }
    for (const p of pending) truncateAll(p.dir);
    // names only: truncated outputs keep them
    const theirs = s.firstOut['pydicom-inrun'];
    if (theirs) {
      s.names = Object.fromEntries(s.steps.filter((st) => st.group === 'cxrlab' && !st.startup && s.firstOut[st.key])
        .map((st) => [st.key, namesCompare(s.firstOut[st.key], theirs)]));
    }
    // A kept run marked by host faults only once a faster one of its step was seen (a first run has nothing to be
    // compared with) is left out of the figures, as long as at least 2 runs of the step remain.
    s.dropped = [];
    for (const st of s.steps) {
      const kept = s.kept[st.key];
      for (const k of kept) k.hostFaults = k.sys > hostFaultLimit(lowestSys[st.key]);
      const clean = kept.filter((k) => !k.hostFaults);
      const used = clean.length >= Math.min(2, kept.length) ? clean : kept;
      for (const k of kept) if (!used.includes(k)) s.dropped.push({ step: st.key, round: k.round, seconds: k.seconds, sys: k.sys });
      const list = (field) => used.map((k) => k[field]).filter((v) => v !== undefined);
      s.times = { ...s.times, [st.key]: list('seconds') };
      s.walls = { ...s.walls, [st.key]: list('wall') };
      s.loops = { ...s.loops, [st.key]: list('loop') };
      s.warmups = { ...s.warmups, [st.key]: list('warmup') };
    }
    if (s.redone.length || s.dropped.length) {
      const faults = s.redone.filter((d) => d.hostFaults);
      log(`  ! (${s.key}) ${s.redone.length} run(s) made again (${faults.length} for host faults: system CPU up to` +
          ` ${fmt(Math.max(0, ...faults.map((d) => d.sys)), 2)} s; others used up to ${fmt(Math.max(0, ...s.redone.map((d) => d.others ?? 0)), 2)} cores` +
          ` and wrote back up to ${fmt(Math.max(0, ...s.redone.map((d) => d.foreignMB ?? 0)), 0)} MB); ${s.dropped.length} kept run(s) left out for host faults`);
    }
  }
  return (performance.now() - t0All) / 1000;
}
