// The tables, ratios and targets that `npm run bench:filter` prints, and its JSON.
import { ROUNDS, TARGETS } from './config.mjs';
import { tallies } from './steps.mjs';
import { fmt, fmtRate, fmtX, log, median } from './util.mjs';
import { markdownTable } from '../format.mjs';

/** Medians and rates of a step: seconds, files/s, CPU cores, 1-file seconds, marginal files/s ((n - 1) / (t - t1)). */
export function summarize(steps) {
  for (const s of [...steps, ...steps.map((x) => x.startup).filter(Boolean)]) {
    const runs = s.runs ?? [];
    s.seconds = median(runs.map((r) => r.seconds));
    s.rate = s.seconds === undefined ? undefined : s.count / s.seconds;
    const cpu = median(runs.map((r) => r.cpu).filter((x) => x !== undefined));
    s.cores = cpu === undefined || s.seconds === undefined ? undefined : cpu / s.seconds;
    const loop = median(runs.map((r) => r.loopSeconds).filter((x) => x !== undefined));
    s.loopRate = loop === undefined ? undefined : s.count / loop;
  }
  const by = Object.fromEntries(steps.map((s) => [s.id, s]));
  for (const s of steps) {
    s.startupSeconds = s.startup?.seconds ?? by[s.startupOf]?.startup?.seconds;
    s.marginalRate = s.startupSeconds !== undefined && s.seconds > s.startupSeconds ? (s.count - 1) / (s.seconds - s.startupSeconds) : undefined;
  }
  return by;
}


export function printTable(steps) {
  log(`## results (median of ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}; whole process, spawn to exit)`);
  markdownTable(['row', 'command', 'files', 'median s', 'files/s', 'CPU cores', '1-file run s', 'marginal files/s', 'Python loop only, files/s'],
    steps.map((s) => [s.row, s.display, fmt(s.count), s.seconds === undefined ? `FAILED: ${s.problems?.[0] ?? 'no run'}` : fmt(s.seconds, 2), fmtRate(s.rate),
      fmt(s.cores, 2), fmt(s.startupSeconds, 2), fmtRate(s.marginalRate), s.loopRate === undefined ? '—' : fmtRate(s.loopRate)]),
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']);
  log('');
  log('Notes:');
  log('- files/s: files / median seconds of the whole command (node or python start, imports, model load, every file, manifest written).');
  log('- CPU cores: (user + sys CPU seconds of the command, GNU time, threads and child processes included) / its wall seconds; 2 = both cores busy.');
  log('- 1-file run: the same command on a folder holding one file of the set (the fixed start-up cost, plus one file\'s work).');
  log('  marginal files/s = (files - 1) / (seconds - 1-file seconds): the rate with the start-up taken out. For 2 Python processes it uses the 1-process 1-file run.');
  log('- Python loop only: files / the time the script measured around its loop (interpreter start and imports not counted; 2 processes: the slower one).');
  log(`- decisions in the manifests: ${steps.filter((s) => tallies[s.id]).map((s) => `(${s.id}) ${tallies[s.id]}`).join('; ')}.`);
  log('  Every chest image passes the header rules (so each is decoded and checked); with --model every row has a score (random weights: most score as outliers).');
}

const ratio = (a, b) => (a === undefined || b === undefined ? undefined : a / b);

export function printRatios(by) {
  const a = by['a-cxrlab'], a1 = by['a-cxrlab-w1'], ap = by['a-pydicom'], ap2 = by['a-pydicom-2'];
  const b = by['b-cxrlab'], bp = by['b-python'], bp2 = by['b-python-2'];
  const c = by['c-cxrlab'], c1 = by['c-cxrlab-w1'], d = by['d-cxrlab'];
  log('## ratios (cxrlab / reference, rates of the whole process; in brackets: marginal rates)');
  log(`(a) header only, ${a.count} small files: cxrlab (2 workers) / pydicom 1 process: ${fmtX(ratio(a.rate, ap.rate))} (${fmtX(ratio(a.marginalRate, ap.marginalRate))});` +
      ` / pydicom 2 processes: ${fmtX(ratio(a.rate, ap2.rate))} (${fmtX(ratio(a.marginalRate, ap2.marginalRate))})`);
  log(`    2 workers / 1 worker: ${fmtX(ratio(a.rate, a1.rate))} (${fmtX(ratio(a.marginalRate, a1.marginalRate))})`);
  log(`(b) ${b.count} chest images, header + quality checks (no model) / VinDr preprocessing in Python, 1 process: ${fmtX(ratio(b.rate, bp.rate))} (${fmtX(ratio(b.marginalRate, bp.marginalRate))});` +
      ` 2 processes: ${fmtX(ratio(b.rate, bp2.rate))} (${fmtX(ratio(b.marginalRate, bp2.marginalRate))})`);
  log(`(c) ${c.count} chest images, header + quality + VinDr preprocessing + ResNet-18 (2 workers) / VinDr preprocessing only in Python, 1 process: ${fmtX(ratio(c.rate, bp.rate))};` +
      ` 2 processes: ${fmtX(ratio(c.rate, bp2.rate))}`);
  log(`    2 workers / 1 worker: ${fmtX(ratio(c.rate, c1.rate))} (${fmtX(ratio(c.marginalRate, c1.marginalRate))})`);
  log(`(d) header only on the ${d.count} chest files (indicative: few files): ${fmtRate(d.rate)} files/s (marginal ${fmtRate(d.marginalRate)}), against ${fmtRate(a.rate)} (marginal ${fmtRate(a.marginalRate)}) on the ${a.count} small files`);
}

/** Prints the targets; returns [{ target, value, met }]. */
export function printTargets(by) {
  const a = by['a-cxrlab'], c = by['c-cxrlab'], d = by['d-cxrlab'];
  const verdict = (v, t, strict) => (v === undefined ? 'NOT MEASURED' : v > t || (!strict && v === t) ? 'MET' : 'MISSED');
  const out = [
    { target: `metadata-only filtering (--header-only, 2 workers), ${a.count} files, whole process: > ${TARGETS.headerFilesPerSecond} files/s`, value: a.rate, met: verdict(a.rate, TARGETS.headerFilesPerSecond, true),
      marginal: a.marginalRate, marginalMet: verdict(a.marginalRate, TARGETS.headerFilesPerSecond, true) },
    { target: `with the ResNet-18 model, ${c.count} chest images, 2 workers on 2 cores, whole process: >= ${TARGETS.modelImagesPerSecond} images/s`, value: c.rate, met: verdict(c.rate, TARGETS.modelImagesPerSecond, false),
      marginal: c.marginalRate, marginalMet: verdict(c.marginalRate, TARGETS.modelImagesPerSecond, false) },
  ];
  log('## targets');
  for (const t of out) log(`${t.target}: ${fmtRate(t.value)} — ${t.met}\n    (as information, start-up excluded: ${fmtRate(t.marginal)} — ${t.marginalMet === 'MET' ? 'would be met' : 'would be missed'})`);
  log(`(info) header only on the ${d.count} chest-sized files: ${fmtRate(d.rate)} files/s (indicative: the start-up is most of so short a run; marginal ${fmtRate(d.marginalRate)} files/s)`);
  return out;
}

const keep = (s) => s && { display: s.display, count: s.count, runs: s.runs ?? [], problems: s.problems ?? [], seconds: s.seconds, rate: s.rate, cores: s.cores, loopRate: s.loopRate };

export function resultsJson(steps, base) {
  return { ...base, rounds: ROUNDS, steps: steps.map((s) => ({ id: s.id, row: s.row, ...keep(s), startupSeconds: s.startupSeconds, marginalRate: s.marginalRate, startup: keep(s.startup) })) };
}
