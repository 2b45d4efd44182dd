// What `npm run bench:deid` prints after its runs: the tables, the fsync comparison, the output
// checks, notes and the targets, both ways of timing; and the raw figures as JSON.
import { relative } from 'node:path';
import { MAX_FOREIGN_MB, MAX_OTHERS, MB, ROOT, TARGETS, WAIT } from './config.mjs';
import { tools } from './tools.mjs';
import { cut2, fmt, fmtPct, fmtRate, fmtX, log, median } from './util.mjs';
import { probes, waits } from './vm-guards.mjs';

/** A Markdown table: the first `left` columns, and the last (a note) unless `lastLeft` is false, left-aligned. */
function table(header, rows, left = 1, lastLeft = true) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((t) => t[i].length)));
  const isLeft = (i, n) => i < left || (lastLeft && i === n - 1);
  const line = (cells) => `| ${cells.map((c, i) => (isLeft(i, cells.length) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  log(line(header));
  log(`|${widths.map((w, i) => (isLeft(i, widths.length) ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|')}|`);
  for (const r of rows) log(line(r));
}

/** Median figures per step: s.rate[key] = { seconds, fps, mbs, wall?, loop?, warmup?, fpsNoStartup? }. */
export function summarize(sets) {
  for (const s of sets) {
    const n = s.files.length;
    s.rate = {};
    for (const st of s.steps) {
      const t = median(s.times[st.key]);
      if (t === undefined) continue;
      const files = st.startup ? 1 : n;
      s.rate[st.key] = {
        seconds: t, fps: files / t, mbs: st.startup ? undefined : s.bytes / t / MB,
        wall: median(s.walls[st.key]), loop: median(s.loops[st.key]), warmup: median(s.warmups[st.key]),
      };
    }
    const startup = s.rate['cxrlab-startup']?.seconds;
    for (const key of ['cxrlab-off-process', 'cxrlab-on-process', 'cxrlab-off-fsync']) {
      const x = s.rate[key];
      if (x && startup !== undefined && x.seconds > startup) x.fpsNoStartup = n / (x.seconds - startup);
    }
  }
}

const pydicomFor = (st) => (st.timed === 'process' ? 'pydicom-process' : 'pydicom-inrun');

export function printTables(sets) {
  log('');
  log('## results (median of the rounds; files/s and MB/s of input; "vs" columns: ratios of MB/s, i.e. of time on the same files)');
  log('timed: "process" = spawn to exit of the tool\'s process (interpreter or node start, imports/module loading, every file);');
  log('       "in-run" = inside an already started process (Python: the script\'s loop after its imports and one warm-up file;');
  log('       cxrlab: `await runDeid(...)` after module loading and one warm-up file, worker start-up included; Node copies: the loop).');
  log('"vs pydicom": against the pydicom row timed the same way (process vs process, in-run vs in-run). cp -r is a process either way.');
  for (const s of sets) {
    const cp = s.rate.cp;
    log('');
    log(`### (${s.key}) ${s.label}: ${s.files.length} files, ${fmt(s.bytes / MB, 1)} MB; median of ${s.runs} round(s)`);
    table(
      ['tool', 'timed', 's', 'files/s', 'MB/s', 'vs cp -r', 'vs pydicom', 'note'],
      s.steps.map((st) => {
        const x = s.rate[st.key];
        const problem = s.problems[st.key];
        if (!x) {
          const why = st.group === 'cxrlab' && tools.cliProblem ? 'skipped: cxrlab deid not available'
            : st.group === 'python' && tools.pythonProblem ? 'skipped: the Python reference is not available'
              : problem ? `FAILED: ${problem.slice(0, 90)}` : '';
          return [st.label, st.timed, '—', '—', '—', '—', '—', why];
        }
        const note = [];
        if (st.timed === 'in-run' && x.wall !== undefined) note.push(`process wall ${fmt(x.wall, 2)} s`);
        if (x.loop !== undefined) note.push(`its loop ${fmt(x.loop, x.loop < 1 ? 3 : 2)} s (no warm-up file)`);
        if (x.fpsNoStartup !== undefined) note.push(`${fmtRate(x.fpsNoStartup)} files/s without start-up`);
        if (st.startup) {
          const w = s.rate['cxrlab-off-inrun']?.warmup;
          if (w !== undefined) note.push(`runDeid on the same file in-run (driver's warm-up): ${fmt(w, 3)} s`);
        }
        if (st.disk) note.push('waits for the disk');
        const py = s.rate[pydicomFor(st)];
        return [
          st.label, st.timed, fmt(x.seconds, x.seconds < 1 ? 3 : 2), fmtRate(x.fps), x.mbs === undefined ? '—' : fmtRate(x.mbs),
          x.mbs !== undefined && cp ? fmtPct(x.mbs / cp.mbs) : '—',
          x.mbs !== undefined && py && st.group !== 'python' ? fmtX(x.mbs / py.mbs) : '—',
          note.join('; '),
        ];
      }),
      2,
    );
  }
}

export function printFsync(sets) {
  log('');
  log('## fsync: without and with an fsync of each output file (whole-file read + write copy in Node; cxrlab deid --scrub-pixels off)');
  for (const s of sets) {
    const a = s.rate.rwReuse;
    const b = s.rate.rwFsync;
    const c = s.rate.cpSync;
    if (!a || !b) continue;
    const perFile = ((b.seconds - a.seconds) / s.files.length) * 1000;
    log(`(${s.key}) ${s.files.length} x ${fmt(s.bytes / s.files.length / 1e3, 1)} KB: read + write copy ${fmtRate(a.fps)} files/s (${fmtRate(a.mbs)} MB/s) without,` +
        ` ${fmtRate(b.fps)} files/s (${fmtRate(b.mbs)} MB/s) with: ${fmtPct(b.mbs / a.mbs)} of the throughput, +${fmt(perFile, 2)} ms per file` +
        (c ? `; cp -r then one sync: ${fmtRate(c.mbs)} MB/s` : ''));
    const off = s.rate['cxrlab-off-process'];
    const on = s.rate['cxrlab-off-fsync'];
    if (on && off) {
      log(`    cxrlab deid --scrub-pixels off (whole process): ${fmtRate(off.fps)} files/s by default (no fsync), ${fmtRate(on.fps)} files/s with --fsync` +
          ` (${fmtPct(on.mbs / off.mbs)}; +${fmt(((on.seconds - off.seconds) / s.files.length) * 1000, 2)} ms per file)`);
    }
  }
}

export function printChecks(sets) {
  log('');
  log('## output checks (first round; every .dicom output read back by pydicom 2.3, whole file; Pixel Data compared with its input\'s)');
  for (const s of sets) {
    for (const [key, v] of Object.entries(s.checks)) {
      if (v.problem) {
        log(`(${s.key}) ${key}: check failed: ${v.problem}`);
        continue;
      }
      const off = Object.entries(v.off_whitelist ?? {});
      const bad = Object.keys(v.unreadable).length;
      log(`(${s.key}) ${key}: ${v.files} files, ${bad ? `${bad} UNREADABLE (${Object.values(v.unreadable)[0]})` : 'all readable'}; ` +
          `Pixel Data identical to the input's in ${v.pixels_same}${v.pixels_differ ? `, different in ${v.pixels_differ}` : ''}` +
          `; first file's pixel_array: ${v.pixel_array ?? '—'}` +
          `${v.not_an_input_md5.length ? `; ${v.not_an_input_md5.length}+ names not an input's MD5 (e.g. ${v.not_an_input_md5[0]})` : ''}` +
          `${v.inputs_without_output ? `; ${v.inputs_without_output} inputs without an output` : ''}` +
          `; top-level tags off the Table 4 whitelist: ${off.length ? off.map(([t, n]) => `${t} x${n}`).join(', ') : 'none'}`);
    }
    const names = Object.entries(s.names ?? {});
    if (names.length) {
      log(`(${s.key}) output names (image ids) = the pydicom script's: ${names.map(([k, v]) => `${k} ${v ? (v.same ? 'yes' : `NO (${v.ours} vs ${v.theirs})`) : '—'}`).join(', ')}`);
    }
  }
}

export function printNotes(sets, { topdir }) {
  log('');
  log('Notes:');
  log('- cp -r (coreutils 9: FICLONE fails on ext4, then copy_file_range) copies inside the kernel: the data never enters user space.');
  log('  Its start-up is ~1 ms, so its process time is also its in-run time: it is the copy baseline of the targets both ways.');
  log('  A tool that parses a file reads it into memory and writes it back: the "read + write" rows are that floor; with a new buffer');
  log('  per file (as a whole-file tool has) the page faults on the buffer cost about as much as the copies. fs.copyFileSync');
  log('  ftruncates each new file first, so ext4 (auto_da_alloc) starts writing it back when it is closed.');
  log('- pydicom (scripts/bench/vindr_deid.py): dcmread; image_id = md5(SOPInstanceUID); del every top-level tag off the paper\'s Table 4');
  log('  (25 tags); file meta Media Storage SOP Instance UID := 2.25.<md5 as integer>; save_as(<out>/<image_id>.dicom); 1 process.');
  log('  "whole process": `python3 vindr_deid.py deid IN OUT --bench --no-warmup`, spawn to exit; "in-run": the same script with --bench');
  log('  (one warm-up file first, untimed), its own timing of the loop.');
  log('- pydicom + GDCM (scripts/bench/gdcm_decode.py): dcmread + pixel_array through pydicom\'s gdcm_handler, result discarded;');
  log('  GDCM decodes JPEG 2000 with one thread per CPU, so this "1 process" uses every core while it decodes. Timed the same two ways.');
  log('- cxrlab "whole process": `node packages/cli/bin/cxrlab.js deid IN OUT --profile vindr --scrub-pixels off|on --map MAP` (node start,');
  log('  module loading, worker pool, every file, map, report); "without start-up": files / (time - time of the same command on one');
  log('  64 x 64 file). "in-run": scripts/bench/deid/cxrlab-in-run.mjs imports runDeid from packages/cli/dist/commands/deid.js, runs');
  log('  it once on one warm-up file, then times `await runDeid([IN, OUT, ...same flags], io)` (silent io): the worker pool\'s start-up');
  log('  and shut-down are inside that call and counted; node start and module loading are not.');
  log('- No sync or fsync is timed except in the rows that say so (cxrlab deid fsyncs each output only with --fsync). Outputs are');
  log('  truncated before the next run, so what no one synced never reaches the disk.');
  const res = sets.flatMap((s) => s.resident);
  const others = sets.flatMap((s) => s.others).sort((a, b) => a - b);
  if (res.length) log(`- Inputs in the page cache at the start of a run (fincore): min ${fmtPct(Math.min(...res))}, median ${fmtPct(median(res))}.`);
  const foreign = sets.flatMap((s) => s.foreign);
  if (others.length) {
    const redone = sets.flatMap((s) => s.redone);
    const dropped = sets.flatMap((s) => s.dropped);
    log(`- Other processes during the kept runs: user CPU median ${fmt(median(others), 2)} cores, max ${fmt(others.at(-1), 2)}; data written back that the run` +
        ` did not write: max ${fmt(Math.max(0, ...foreign), 0)} MB.`);
    log(`- Host faults (a run's system CPU time over 1.25 x the lowest of its step + 0.15 s: memory the host had taken back, see the header of` +
        ' bench-deid.mjs):');
    log(`  ${redone.filter((d) => d.hostFaults).length} run(s) made again for them, ${redone.filter((d) => !d.hostFaults).length} for other processes` +
        `${WAIT ? ` (> ${MAX_OTHERS} cores or > ${MAX_FOREIGN_MB} MB written back)` : ''}; ${dropped.length} kept run(s) left out of the medians for them` +
        `${dropped.length ? ` (${dropped.map((d) => `${d.step} round ${d.round + 1}`).join(', ')})` : ''}.`);
  }
  log(`- File creation: ${probes.map((p) => `${p.at} ${fmt(p.us, 0)} µs`).join(', ')} per new file (probe: 300 files; about 25 µs when no files were deleted lately` +
      `${topdir ? '' : '; chattr +T failed, so the run folders share their parent\'s block group'}).`);
  if (waits.seconds > 0.5) log(`- Waited ${fmt(waits.seconds, 0)} s in all for idle CPUs or faster file creation.`);
}

/** The issue's targets, each two ways: (i) whole process, (ii) in-run. Returns the verdicts. */
export function printTargets(sets) {
  log('');
  log('## targets (cxrlab / baseline, ratios of MB/s on the same files; the baseline of "copy" is cp -r both ways)');
  log('(i) whole process: every tool timed spawn to exit (python3 start + imports; node start + module loading + worker pool).');
  log('(ii) in-run: pydicom / GDCM: the scripts\' loop; cxrlab: the runDeid call (worker start-up counted); cp -r: its process.');
  const A = sets.find((s) => s.key === 'a');
  const B = sets.find((s) => s.key === 'b');
  const C = sets.find((s) => s.key === 'c');
  const ratio = (s, a, b) => (s?.rate[a] && s?.rate[b] ? s.rate[a].mbs / s.rate[b].mbs : undefined);
  const rows = [];
  const verdicts = [];
  const why = tools.cliProblem ? 'cxrlab deid not available' : tools.pythonProblem ? 'Python baseline not available' : 'no figure';
  const verdict = (value, limit, asPct) => {
    if (value === undefined) return { cell: `n/a (${why})`, verdict: 'n/a' };
    const pass = cut2(value) >= limit;
    return { cell: `${asPct ? fmtPct(value) : fmtX(value)} ${pass ? 'PASS' : 'FAIL'}`, verdict: pass ? 'PASS' : 'FAIL', value };
  };
  const target = (label, s, ours, base, limit, asPct) => {
    if (!s) return;
    const [i, ii] = [
      verdict(ratio(s, `${ours}-process`, base === 'cp' ? 'cp' : `${base}-process`), limit, asPct),
      verdict(ratio(s, `${ours}-inrun`, base === 'cp' ? 'cp' : `${base}-inrun`), limit, asPct),
    ];
    rows.push([label, `>= ${asPct ? `${limit * 100}%` : `${limit}x`}`, i.cell, ii.cell]);
    verdicts.push({ label, target: limit, wholeProcess: { value: i.value, verdict: i.verdict }, inRun: { value: ii.value, verdict: ii.verdict } });
  };
  target('(a) chest uncompressed, --scrub-pixels off, vs cp -r', A, 'cxrlab-off', 'cp', TARGETS.copyOff, true);
  target('(a) chest uncompressed, --scrub-pixels off, vs pydicom VinDr script', A, 'cxrlab-off', 'pydicom', TARGETS.pydicomOff);
  target('(a) chest uncompressed, --scrub-pixels on, vs cp -r', A, 'cxrlab-on', 'cp', TARGETS.copyOn, true);
  if (C) target(`(c) header-heavy, ${C.files.length} small files, --scrub-pixels off, vs pydicom VinDr script`, C, 'cxrlab-off', 'pydicom', TARGETS.smallPydicomOff);
  target('(b) chest JPEG 2000 lossless, --scrub-pixels on, vs pydicom + GDCM decode only', B, 'cxrlab-on', 'gdcm', TARGETS.gdcmOn);
  table(['target', 'needs', '(i) whole process', '(ii) in-run'], rows, 2, false);
  const info = [];
  if (A) {
    const x = [['--scrub-pixels off --fsync vs cp -r', ratio(A, 'cxrlab-off-fsync', 'cp'), true],
      ['off vs read + write + fsync per file', ratio(A, 'cxrlab-off-process', 'rwFsync'), true],
      ['off vs read + write, new buffer per file', ratio(A, 'cxrlab-off-process', 'rw'), true],
      ['off vs 2 cp processes', ratio(A, 'cxrlab-off-process', 'cp2'), true]].filter(([, v]) => v !== undefined);
    if (x.length) info.push(`(a), whole process: ${x.map(([l, v, p]) => `${l} ${p ? fmtPct(v) : fmtX(v)}`).join('; ')}`);
  }
  if (C) {
    const x = C.rate['cxrlab-off-process'];
    const py = C.rate['pydicom-process'];
    if (x?.fpsNoStartup && py) info.push(`(c), whole process without cxrlab's start-up (the one-file command's time subtracted): ${fmtX(x.fpsNoStartup / py.fps)}`);
  }
  for (const line of info) log(`    ${line}`);
  log('The issue\'s wording ("files/s and MB/s ... side by side with a pydicom script ... and with a plain file copy, in one run")');
  log('fits (i) best: it compares the tools as one runs them, a script and a copy command, so start-up is part of each figure.');
  log('(ii) is what a long run (many more files) approaches, where each tool\'s start-up is spread thin.');
  return verdicts;
}

/** The raw figures, for --json. */
export function resultsJson(sets, base) {
  const workloads = {};
  for (const s of sets) {
    workloads[s.key] = {
      label: s.label, runs: s.runs, files: s.files.length, bytes: s.bytes, rows: s.rows, cols: s.cols, syntax: s.syntax, dir: relative(ROOT, s.dir),
      timed: Object.fromEntries(s.steps.map((st) => [st.key, st.timed])),
      times: s.times, walls: s.walls, loops: s.loops, warmups: s.warmups, rate: s.rate, problems: s.problems, checks: s.checks, names: s.names, said: s.said,
      kept: s.kept, others: s.others, foreign: s.foreign, redone: s.redone, dropped: s.dropped, resident: s.resident,
    };
  }
  return { ...base, cliProblem: tools.cliProblem, pythonProblem: tools.pythonProblem, probes, waited: waits.seconds, workloads };
}
