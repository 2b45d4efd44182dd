// The data of `npm run bench:filter`: two `cxrlab synth` sets in bench-data/filter (made once, then
// reused while their manifest matches), a one-file folder per set for the start-up rows, the model.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ensureSynth } from '../synth-set.mjs';
import { BENCH, CLI, COUNTS, MODEL, ROOT, SETS } from './config.mjs';
import { ensureModel } from './model.mjs';
import { fmt, log, progress, tail } from './util.mjs';

/** A folder holding `file` alone (a hard link), for the 1-file start-up runs. */
function oneFileDir(name, file) {
  const dir = join(BENCH, name);
  if (!existsSync(join(dir, basename(file)))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    linkSync(file, join(dir, basename(file)));
  }
  return dir;
}

/**
 * Returns { sets: { chest, small } (each { ...SETS[k], key, dir, files, bytes, one: {dir, file} }),
 * model: { path, bytes }, seconds } or throws with what is missing. Prints the "## data" lines.
 */
export async function prepareData() {
  const t0 = performance.now();
  mkdirSync(BENCH, { recursive: true });
  const help = spawnSync(process.execPath, [CLI, 'synth', '--help'], { encoding: 'utf8' });
  const synthProblem = help.status === 0 ? undefined : `cxrlab synth not available (${tail(help.stderr || help.stdout, 1)})`;
  log('## data');
  const sets = {};
  for (const [key, w] of Object.entries(SETS)) {
    const count = COUNTS[key];
    const dir = join(BENCH, `${key}-${w.rows}x${w.cols}-s${w.seed}-n${count}`);
    progress(`data: ${count} files of ${w.rows}x${w.cols} (${w.syntax})`);
    const got = ensureSynth(dir, { syntax: w.syntax, rows: w.rows, cols: w.cols, seed: w.seed, count }, { manifestPath: `${dir}.manifest.json`, synthProblem });
    if (got.problem) throw new Error(`(${key}) ${got.problem}`);
    const bytes = got.files.reduce((n, f) => n + statSync(f).size, 0);
    const one = oneFileDir(`one-${key}`, got.files[0]);
    sets[key] = { ...w, key, dir, files: got.files, bytes, one: { dir: one, file: join(one, basename(got.files[0])) } };
    log(`${w.label}: ${count} files of ${w.rows} x ${w.cols}, 16 bits allocated, ${w.syntax} VR little endian, ${fmt(bytes / 1e6, 1)} MB` +
        ` (${fmt(bytes / count / 1e3, 1)} KB each) — ${got.seconds ? `made in ${got.seconds.toFixed(0)} s` : 'reused'} (${relative(ROOT, dir)})`);
  }
  const model = await ensureModel(MODEL);
  log(`model: ResNet-18 (torchvision graph, 2 classes, 11.2 M parameters), random weights (resnet18Model({ seed: 1 }) of @cxrlab/filter/testing),` +
      ` ${fmt(model.bytes / 1e6, 1)} MB — ${model.seconds ? `made in ${model.seconds.toFixed(1)} s` : 'reused'} (${relative(ROOT, MODEL)})`);
  return { sets, model, seconds: (performance.now() - t0) / 1000 };
}

const chunk = Buffer.allocUnsafe(4 << 20);
/** Reads every file through (untimed), so that the timed runs find them in the page cache. */
export function warmCache(files) {
  for (const f of files) {
    const fd = openSync(f, 'r');
    try {
      while (readSync(fd, chunk, 0, chunk.length, null) > 0) { /* read through */ }
    } finally {
      closeSync(fd);
    }
  }
}
