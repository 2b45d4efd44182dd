// Small helpers of `npm run bench:deid`: output, statistics, number formats, files, running commands.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gitCommit as commitOf } from '../machine-info.mjs';
import { ROOT, TMP } from './config.mjs';

setFlagsFromString('--expose-gc');
/** A full garbage collection (before the in-process copies, so that none falls inside one). */
export const gc = runInNewContext('gc');
setFlagsFromString('--no-expose-gc');

import { cut2, fmt, fmtRate, fmtX, log, median, sleep, tail } from '../format.mjs';

export { cut2, fmt, fmtRate, fmtX, log, median, sleep, tail };
export const progress = (s) => process.stdout.write(`  … ${s}\n`);
export const fmtPct = (n) => (n === undefined ? '—' : `${Math.floor(n * 100 + 1e-9)}%`);

export const gitCommit = () => commitOf(ROOT);

export const sizeOf = (paths) => paths.reduce((n, p) => n + statSync(p).size, 0);
export const countDicom = (dir) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.dicom')).length : 0);
export function treeBytes(dir) {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const st = statSync(join(dir, String(name)));
    if (st.isFile()) n += st.size;
  }
  return n;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let timeFiles = 0;
const nextTimeFile = () => (GNU_TIME ? join(TMP, `time-${timeFiles++ % 4}.txt`) : undefined);

/** User CPU seconds from a GNU time `-f '%U %S'` file. */
function readUserTime(file) {
  try {
    const [u] = readFileSync(file, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
    return Number.isFinite(u) ? u : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a command to the end: wall seconds from spawn to exit and, with `account` and GNU time, the
 * user CPU seconds the command used (children and threads included).
 */
export function run(cmd, args, { account = false, env } = {}) {
  const timeFile = account ? nextTimeFile() : undefined;
  const options = { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 600_000, ...(env ? { env } : {}) };
  const t0 = performance.now();
  const r = timeFile ? spawnSync(GNU_TIME, ['-f', '%U %S', '-o', timeFile, cmd, ...args], options) : spawnSync(cmd, args, options);
  const seconds = (performance.now() - t0) / 1000;
  return { ...r, seconds, user: timeFile ? readUserTime(timeFile) : undefined };
}

/** Several commands at once (with GNU time); wall seconds until the last one exits, user CPU of all. */
export async function runParallel(commands) {
  const t0 = performance.now();
  const results = await Promise.all(commands.map(([cmd, args]) => new Promise((done) => {
    const timeFile = nextTimeFile();
    const child = timeFile ? spawn(GNU_TIME, ['-f', '%U %S', '-o', timeFile, cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => done({ code, stderr, user: timeFile ? readUserTime(timeFile) : undefined }));
    child.on('error', (error) => done({ code: -1, stderr: error.message }));
  })));
  const seconds = (performance.now() - t0) / 1000;
  const bad = results.find((c) => c.code !== 0);
  if (bad) return { problem: `exit ${bad.code}: ${tail(bad.stderr, 1)}` };
  const user = results.every((c) => c.user !== undefined) ? results.reduce((a, c) => a + c.user, 0) : undefined;
  return { seconds, user };
}
