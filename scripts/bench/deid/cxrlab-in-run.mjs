#!/usr/bin/env node
// `cxrlab deid` timed in-run, for `npm run bench:deid`: the counterpart of the Python scripts' timed
// loop. Loads packages/cli/dist/commands/deid.js (module loading not timed, as Python's imports are
// not), optionally de-identifies one warm-up folder (as vindr_deid.py --bench does one file first),
// then times one `await runDeid([IN, OUT, ...flags], io)` with an io that keeps what it is told.
// Worker start-up and shut-down happen inside runDeid and are timed.
//
// Usage: node cxrlab-in-run.mjs [--warmup WARM-IN WARM-OUT WARM-MAP] -- IN OUT [deid flags...]
//   The warm-up call gets the same flags, --map replaced by WARM-MAP.
// Prints one JSON line: { ms, exitCode, said, warmupMs?, warmupExitCode? } (said: the last line of
// what runDeid wrote to stderr, its summary).
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// as packages/cli/bin/cxrlab.js does, before anything uses libuv's thread pool
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, availableParallelism()));

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
if (dashes < 0 || argv.length - dashes - 1 < 2) {
  console.error('usage: cxrlab-in-run.mjs [--warmup WARM-IN WARM-OUT WARM-MAP] -- IN OUT [deid flags...]');
  process.exit(2);
}
const own = argv.slice(0, dashes);
const deidArgs = argv.slice(dashes + 1);
const w = own.indexOf('--warmup');
const warmup = w >= 0 ? own.slice(w + 1, w + 4) : undefined;

const { runDeid } = await import(pathToFileURL(join(ROOT, 'packages/cli/dist/commands/deid.js')).href);

function silentIo() {
  const kept = { stdout: '', stderr: '' };
  return { kept, io: { stdout: { write: (t) => { kept.stdout += t; return true; } }, stderr: { write: (t) => { kept.stderr += t; return true; } } } };
}
async function timed(args) {
  const { kept, io } = silentIo();
  const t0 = performance.now();
  const exitCode = await runDeid(args, io);
  const ms = performance.now() - t0;
  return { ms, exitCode, said: `${kept.stderr}${kept.stdout}`.trim().split('\n').pop() ?? '' };
}

const result = {};
if (warmup) {
  const [warmIn, warmOut, warmMap] = warmup;
  const flags = deidArgs.slice(2);
  const m = flags.indexOf('--map');
  if (m >= 0) flags[m + 1] = warmMap;
  const r = await timed([warmIn, warmOut, ...flags]);
  Object.assign(result, { warmupMs: r.ms, warmupExitCode: r.exitCode });
}
Object.assign(result, await timed(deidArgs));
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(result.exitCode === 0 && (result.warmupExitCode ?? 0) === 0 ? 0 : 1);
