// What keeps the figures of `npm run bench:deid` steady on this VM (the header of ../bench-deid.mjs
// says why each is needed): idle-CPU waits and the accounting of others' CPU and disk writes, page
// cache warming and its check, the file-creation probe, truncation instead of deletion, and the
// run folder marked `chattr +T`.
import { spawnSync } from 'node:child_process';
import {
  closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, rmSync, statSync, truncateSync, writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { machineCpu } from '../machine-info.mjs';
import { RUNS_DIR, WAIT } from './config.mjs';
import { fmt, progress, run, sleep } from './util.mjs';

/** Seconds spent waiting for idle CPUs or for faster file creation. */
export const waits = { seconds: 0 };

// ---- CPU and disk activity of the whole machine ---------------------------------------------------

/** Bytes written back to disk so far (/proc/vmstat nr_written, in pages of 4 KiB). */
export function writtenBytes() {
  try {
    return Number(/^nr_written (\d+)$/m.exec(readFileSync('/proc/vmstat', 'utf8'))?.[1]) * 4096;
  } catch {
    return undefined;
  }
}

let waitBudget = 60;
/** Waits until other processes leave the CPUs nearly idle: up to 10 s at a time, 60 s in all. */
export function waitForQuiet() {
  if (!WAIT || waitBudget <= 0 || !machineCpu()) return;
  const t0 = performance.now();
  for (;;) {
    const a = machineCpu();
    sleep(200);
    const b = machineCpu();
    const busy = (b.busy - a.busy) / Math.max(1e-9, b.total - a.total);
    const s = (performance.now() - t0) / 1000;
    if (busy < 0.15 || s > 10 || s > waitBudget) {
      waitBudget -= s;
      waits.seconds += s;
      return;
    }
  }
}

// ---- page cache -----------------------------------------------------------------------------------

const warmBuffer = Buffer.allocUnsafeSlow(1 << 20);
/** Reads every file once into one small reused buffer (page cache warm, no memory allocated). */
export function warm(files) {
  for (const f of files) {
    const fd = openSync(f, 'r');
    try {
      const size = fstatSync(fd).size;
      for (let at = 0; at < size;) {
        const n = readSync(fd, warmBuffer, 0, Math.min(warmBuffer.length, size - at), at);
        if (n === 0) break;
        at += n;
      }
    } finally {
      closeSync(fd);
    }
  }
}

const HAVE_FINCORE = spawnSync('fincore', ['--version'], { encoding: 'utf8' }).status === 0;
/** Fraction of the files' bytes in the page cache (fincore), or undefined without fincore. */
export function residency(files, bytes) {
  if (!HAVE_FINCORE) return undefined;
  let resident = 0;
  for (let i = 0; i < files.length; i += 500) {
    const r = spawnSync('fincore', ['-b', '-n', '-o', 'RES', ...files.slice(i, i + 500)], { encoding: 'utf8' });
    if (r.status !== 0) return undefined;
    for (const line of r.stdout.trim().split('\n')) resident += Number(line) || 0;
  }
  return resident / bytes;
}

// ---- filesystem -----------------------------------------------------------------------------------

/** The filesystem bench-data is on: device, type, mount options, and whether ext4 has a journal. */
export function filesystemInfo(path) {
  const r = spawnSync('findmnt', ['-n', '-o', 'SOURCE,FSTYPE,OPTIONS', '--target', path], { encoding: 'utf8' });
  const [source, type, options] = (r.stdout || '').trim().split(/\s+/);
  let journal;
  if (type === 'ext4' && source?.startsWith('/dev/')) {
    const dev = basename(source);
    journal = existsSync('/proc/fs/jbd2') && readdirSync('/proc/fs/jbd2').some((n) => n === dev || n.startsWith(`${dev}-`));
  }
  return { source, type, options, journal };
}

/**
 * A fresh RUNS_DIR (one left by a run cut short is removed), marked `chattr +T`: ext4's Orlov
 * allocator then puts each of its subfolders (one per run) in a block group of its own. Returns
 * whether chattr worked.
 */
export function makeRunsDir() {
  rmSync(RUNS_DIR, { recursive: true, force: true });
  mkdirSync(RUNS_DIR, { recursive: true });
  return spawnSync('chattr', ['+T', RUNS_DIR], { encoding: 'utf8' }).status === 0;
}

/** Truncates every file under `dir` to 0 bytes: its pages are freed, its inodes stay (no deletion). */
export function truncateAll(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(name));
    if (statSync(p).isFile()) truncateSync(p, 0);
  }
}

let probeCount = 0;
/**
 * Microseconds to create, write 1 byte to and close one new file in a fresh folder beside the
 * runs' outputs (300 files; kept until the end: deleting them is what would slow later creations).
 */
function creationProbe() {
  const dir = join(RUNS_DIR, `probe-${probeCount++}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const one = Buffer.alloc(1);
  const t0 = performance.now();
  for (let i = 0; i < 300; i++) {
    const fd = openSync(join(dir, `f${i}`), 'w');
    writeSync(fd, one);
    closeSync(fd);
  }
  return ((performance.now() - t0) * 1000) / 300;
}
export const SLOW_CREATE_US = 60;

/** Every probe made: { at, us }. */
export const probes = [];
/** The creation probe; when slow (recent deletions), sync and wait up to `maxWait` s for it to be fast again. */
export function probeCreation(at, maxWait) {
  let us = creationProbe();
  if (us > SLOW_CREATE_US && maxWait > 0) {
    progress(`file creation is slow (${fmt(us, 0)} µs per file: files deleted in the last minutes): sync, then waiting up to ${maxWait} s`);
    run('sync', []);
    const t0 = performance.now();
    while (us > SLOW_CREATE_US && performance.now() - t0 < maxWait * 1000) {
      sleep(10_000);
      us = creationProbe();
    }
    waits.seconds += (performance.now() - t0) / 1000;
  }
  probes.push({ at, us });
  return us;
}

/**
 * Host faults: a run whose memory the host had taken back spends ~2 ms more kernel time per MB it
 * writes (header of ../bench-deid.mjs, 1). The machine's system CPU seconds during a run above
 * this, given the lowest seen for the same step, mark such a run (fast runs of one step differ by
 * less than 25%; a run hit by host faults on a few hundred MB is over it by far).
 */
export const hostFaultLimit = (lowestSys) => lowestSys * 1.25 + 0.15;
