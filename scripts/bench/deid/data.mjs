// The workloads of `npm run bench:deid`, made by `cxrlab synth` into bench-data/deid once and then
// reused while their manifest (beside each folder) matches.
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ensureSynth } from '../synth-set.mjs';
import { BENCH, CLI, COUNTS, MB, ONLY, ROOT } from './config.mjs';
import { fmt, log, progress, sizeOf, tail } from './util.mjs';

export const WORKLOADS = [
  { key: 'a', label: 'chest uncompressed', syntax: 'explicit', rows: 2788, cols: 2446, seed: 41 },
  { key: 'b', label: 'chest JPEG 2000 lossless', syntax: 'j2k', rows: 2788, cols: 2446, seed: 42 },
  { key: 'c', label: 'header-heavy, small files', syntax: 'explicit', rows: 64, cols: 64, seed: 43 },
];

/**
 * The workloads asked for (--only), made or checked, and a folder holding one small file alone (a
 * hard link) for the start-up rows and warm-ups. Prints the "## data" lines.
 * Returns { sets: [{ ...workload, dir, files, bytes }], startupDir, seconds }.
 */
export function prepareData() {
  const t0 = performance.now();
  const synthHelp = spawnSync(process.execPath, [CLI, 'synth', '--help'], { encoding: 'utf8' });
  const synthProblem = synthHelp.status === 0 ? undefined : `cxrlab synth not available (${tail(synthHelp.stderr || synthHelp.stdout, 1)})`;
  log('## data');
  const sets = [];
  for (const w of WORKLOADS) {
    if (!ONLY.includes(w.key)) continue;
    const count = COUNTS[w.key];
    const dir = join(BENCH, `${w.syntax}-${w.rows}x${w.cols}-s${w.seed}-n${count}`);
    progress(`data: ${count} ${w.rows}x${w.cols} ${w.syntax}`);
    const got = ensureSynth(dir, { syntax: w.syntax, rows: w.rows, cols: w.cols, seed: w.seed, count }, { manifestPath: `${dir}.manifest.json`, synthProblem });
    if (got.problem) {
      log(`  ! (${w.key}) ${got.problem}`);
      continue;
    }
    const bytes = sizeOf(got.files);
    sets.push({ ...w, dir, files: got.files, bytes });
    log(`(${w.key}) ${w.label}: ${got.files.length} files of ${w.rows} x ${w.cols}, ${w.syntax}, ${fmt(bytes / MB, 1)} MB (${fmt(bytes / got.files.length / 1e3, 1)} KB each)` +
        ` — ${got.seconds ? `made in ${got.seconds.toFixed(0)} s` : 'reused'} (${relative(ROOT, dir)})`);
  }
  const startupDir = join(BENCH, 'startup-1');
  const small = sets.find((s) => s.key === 'c') ?? sets[0];
  if (small && !existsSync(join(startupDir, basename(small.files[0])))) {
    rmSync(startupDir, { recursive: true, force: true });
    mkdirSync(startupDir, { recursive: true });
    linkSync(small.files[0], join(startupDir, basename(small.files[0])));
  }
  return { sets, startupDir, seconds: (performance.now() - t0) / 1000 };
}
