// The comparisons, table, ratios and targets that `npm run bench:dataset` prints, and its JSON.
import { ROUNDS, TARGETS } from './config.mjs';
import { COMPARE } from './steps.mjs';
import { fmt, fmtX, log, markdownTable, median } from '../format.mjs';

const all = (steps) => steps.flatMap((s) => [s, s.startup].filter(Boolean));
const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

/** Compares each cxrlab value with its reference's (full and 1-image sets); a differing pair is not a timing. Prints the differences. */
export function compare(steps) {
  const by = Object.fromEntries(all(steps).map((s) => [s.id, s]));
  for (const [row, diff] of Object.entries(COMPARE)) {
    for (const tag of ['', '-1']) {
      const c = by[`${row}-cxrlab${tag}`], p = by[`${row}-python${tag}`];
      if (c.value === undefined || p.value === undefined) continue;
      const problem = diff(c.value, p.value);
      c.agrees = p.agrees = problem === undefined;
      if (problem) {
        c.mismatch = p.mismatch = problem;
        log(`MISMATCH (${row}${tag ? ', 1 image' : ''}): cxrlab ${c.display.split(' ')[1]} and its reference differ: ${problem} — not a timing`);
      }
    }
  }
}

/** Medians of each step: seconds, CPU cores, the script's own seconds; start-up and marginal seconds. */
export function summarize(steps) {
  for (const s of all(steps)) {
    const runs = s.runs ?? [];
    s.seconds = s.mismatch ? undefined : median(runs.map((r) => r.seconds));
    const cpu = median(runs.map((r) => r.cpu).filter((x) => x !== undefined));
    s.cores = cpu === undefined || s.seconds === undefined ? undefined : cpu / s.seconds;
    s.ownSeconds = median(runs.map((r) => r.own).filter((x) => x !== undefined));
  }
  for (const s of steps) {
    s.startupSeconds = s.startup?.seconds;
    s.marginal = s.seconds !== undefined && s.startupSeconds !== undefined ? s.seconds - s.startupSeconds : undefined;
  }
  return Object.fromEntries(steps.map((s) => [s.id, s]));
}


const seconds = (s) => (s.mismatch ? 'MISMATCH' : s.seconds === undefined ? `FAILED: ${s.problems?.[0] ?? 'no run'}` : fmt(s.seconds, 2));
const check = (s) => (s.agrees === undefined ? (s.seconds === undefined ? '—' : 'ran') : s.agrees ? 'same as the other' : 'DIFFERS');

export function printTable(steps) {
  log(`## results (median of ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}; whole process, spawn to exit)`);
  markdownTable(['row', 'command', 'median s', 'CPU cores', '1-image run s', 'minus 1-image s', 'script\'s own s', 'output'],
    steps.map((s) => [s.row, s.display, seconds(s), fmt(s.cores, 2), s.startup ? seconds(s.startup) : '—', fmt(s.marginal, 2), fmt(s.ownSeconds, 2), check(s)]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l']);
  log('');
  log('Notes:');
  log('- median s: the whole command, spawn to exit (node or python start, imports, reading the CSVs, the work, output written).');
  log('- CPU cores: (user + sys CPU seconds of the command, GNU time) / its wall seconds.');
  log('- 1-image run: the same command on the 1-image release and its 100-detection submission (the fixed start-up cost); minus 1-image: the rest.');
  log('- script\'s own s: what the Python reference timed around its own work (reading + computing + writing; interpreter start and imports not counted).');
  log('- output: cxrlab and the reference must give the same counts and percentages (a), mAP and per-class AP within 1e-9 (b), consensus rows');
  log('  with the same image, class and score and corners within 1e-9 (c), else the pair is MISMATCH and not a timing; synth-release must give');
  log('  the data\'s files byte for byte (same seed); every run must give the same output as the previous one.');
}

export function printRatios(by) {
  log('## ratios (reference seconds / cxrlab seconds: above 1, cxrlab is faster; in brackets: 1-image runs taken out of both)');
  const names = { a: 'load + stats (Table 2 counts)', b: 'eval (mAP@0.4)', c: 'fuse (WBF, IoU 0.4)' };
  for (const row of ['a', 'b', 'c']) {
    const c = by[`${row}-cxrlab`], p = by[`${row}-python`];
    log(`(${row}) ${names[row]}: cxrlab ${fmt(c.seconds, 2)} s, reference ${fmt(p.seconds, 2)} s: ${fmtX(ratio(p.seconds, c.seconds))} (${fmtX(ratio(p.marginal, c.marginal))})`);
  }
  const help = by.help;
  log(`(d) agreement ${fmt(by['d-agreement'].seconds, 2)} s; synth-release ${fmt(by['d-synth'].seconds, 2)} s; cxrlab --help (node + the CLI, no command loaded) ${fmt(help.seconds, 2)} s`);
}

/** Prints the targets; returns [{ target, value, met }]. */
export function printTargets(by) {
  const verdict = (s, t) => (s.mismatch ? 'NOT MEASURED (output differs from the reference)' : s.seconds === undefined ? 'NOT MEASURED' : s.seconds < t ? 'MET' : 'MISSED');
  const out = [['a-cxrlab', 'load + stats (`cxrlab stats RELEASE --json`)', TARGETS.stats], ['b-cxrlab', 'eval (`cxrlab eval --gt annotations_test.csv --pred submission.csv --json`)', TARGETS.eval],
    ['c-cxrlab', 'fuse (`cxrlab fuse annotations_train.csv --out consensus.csv`, WBF)', TARGETS.fuse]].map(([id, what, t]) => {
    const s = by[id];
    return { target: `${what}, whole process: < ${t} s`, value: s.seconds, met: verdict(s, t), marginal: s.marginal };
  });
  log('## targets');
  for (const t of out) log(`${t.target}: ${fmt(t.value, 2)} s — ${t.met} (as information, 1-image run taken out: ${fmt(t.marginal, 2)} s)`);
  return out;
}

const keep = (s) => s && { display: s.display, runs: s.runs ?? [], problems: s.problems ?? [], mismatch: s.mismatch, seconds: s.seconds, cores: s.cores, ownSeconds: s.ownSeconds };

export function resultsJson(steps, base) {
  return { ...base, rounds: ROUNDS, steps: steps.map((s) => ({ id: s.id, row: s.row, ...keep(s), startupSeconds: s.startupSeconds, marginal: s.marginal, startup: keep(s.startup) })) };
}
