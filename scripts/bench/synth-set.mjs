// Benchmark data made by `cxrlab synth`, shared by the bench scripts: made once, then reused while a
// manifest (the options asked for and each file's size) says the folder holds exactly those files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/cxrlab.js', import.meta.url));

const dicomFiles = (dir) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.dcm')).sort().map((n) => join(dir, n)) : []);
const lastLines = (text, n = 3) => (text || '').toString().trim().split('\n').slice(-n).join(' | ');

/**
 * Runs `cxrlab synth` into `dir` (want: { syntax, rows, cols, seed, count }) unless `manifestPath`
 * says the files there are the ones asked for. `synthProblem`: why synth cannot run, if it cannot.
 * Returns { files, seconds } (seconds only when it made them) or { problem }.
 */
export function ensureSynth(dir, want, { manifestPath, synthProblem }) {
  let files = dicomFiles(dir);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch { /* none */ }
  const fresh = manifest && JSON.stringify(manifest.want) === JSON.stringify(want) && files.length === want.count
    && files.every((f) => manifest.sizes?.[basename(f)] === statSync(f).size);
  if (fresh) return { files };
  if (synthProblem) return { problem: synthProblem };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'synth', dir, '--count', String(want.count), '--rows', String(want.rows), '--cols', String(want.cols), '--syntax', want.syntax, '--seed', String(want.seed)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  files = dicomFiles(dir);
  if (r.status !== 0 || files.length !== want.count) return { problem: `cxrlab synth --syntax ${want.syntax} failed (exit ${r.status}, ${files.length} files): ${lastLines(r.stderr || r.stdout)}` };
  writeFileSync(manifestPath, JSON.stringify({ want, sizes: Object.fromEntries(files.map((f) => [basename(f), statSync(f).size])) }, null, 1));
  return { files, seconds };
}
