// Small helpers of `npm run bench:filter`: output, statistics, formats, timed commands, machine CPU.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { machineCpu } from '../machine-info.mjs';
import { join } from 'node:path';
import { BENCH } from './config.mjs';

import { fmt, fmtRate, fmtX, log, median, sleep, tail } from '../format.mjs';

export { fmt, fmtRate, fmtX, log, median, sleep, tail };
export const progress = (s) => process.stderr.write(`  … ${s}\n`);


/** Waits (up to `max` s) until the CPUs are nearly idle; returns the seconds waited. */
export function waitForQuiet(max) {
  const t0 = performance.now();
  if (!machineCpu()) return 0;
  for (;;) {
    const a = machineCpu();
    sleep(250);
    const b = machineCpu();
    const s = (performance.now() - t0) / 1000;
    if ((b.busy - a.busy) / Math.max(1e-9, b.total - a.total) < 0.1 || s >= max) return s;
  }
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let timeFiles = 0;

/** CPU seconds (user + sys) of a command from a GNU time `-f '%U %S'` file. */
function readCpu(file) {
  try {
    const [u, s] = readFileSync(file, 'utf8').trim().split('\n').pop().split(/\s+/).map(Number);
    return Number.isFinite(u + s) ? u + s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs commands ([cmd, args] each) at once, to the end. Returns { seconds (spawn to the last exit),
 * cpu (their user + sys seconds), others (cores other processes used meanwhile), stdout[] } or { problem }.
 */
export async function timed(commands) {
  const before = machineCpu();
  const t0 = performance.now();
  const results = await Promise.all(commands.map(([cmd, args]) => new Promise((done) => {
    const timeFile = GNU_TIME ? join(BENCH, `.time-${timeFiles++ % 8}.txt`) : undefined;
    const child = timeFile ? spawn(GNU_TIME, ['-f', '%U %S', '-o', timeFile, cmd, ...args]) : spawn(cmd, args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => done({ code, stdout, stderr, cpu: timeFile ? readCpu(timeFile) : undefined }));
    child.on('error', (error) => done({ code: -1, stdout, stderr: error.message }));
  })));
  const seconds = (performance.now() - t0) / 1000;
  const after = machineCpu();
  const bad = results.find((r) => r.code !== 0);
  if (bad) return { problem: `exit ${bad.code}: ${tail(bad.stderr || bad.stdout)}` };
  const cpu = results.every((r) => r.cpu !== undefined) ? results.reduce((a, r) => a + r.cpu, 0) : undefined;
  const others = before && after && cpu !== undefined ? Math.max(0, after.busy - before.busy - cpu) / seconds : undefined;
  return { seconds, cpu, others, stdout: results.map((r) => r.stdout), stderr: results.map((r) => r.stderr) };
}

/** The rows of a CSV text (RFC 4180 quoting), header row included. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
