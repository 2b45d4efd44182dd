// What a benchmark prints about the machine and the code it measured.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

/** The short hash of HEAD in `root`, or 'unknown'. */
export function gitCommit(root) {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function cpuModel() {
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch { /* not Linux */ }
  return cpus()[0]?.model ?? 'unknown';
}

/** Installed memory in GiB (Linux), 0 elsewhere. */
export function memoryGiB() {
  try {
    return Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024;
  } catch {
    return 0;
  }
}

/**
 * sha256 over the .ts files (paths relative to `root`, and contents) of `packages/<name>/src` for each
 * package named, so a figure can be tied to the code it measured.
 */
export function sourceFingerprint(root, packages, { includeTests = false } = {}) {
  const hash = createHash('sha256');
  let files = 0;
  let newest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (name.endsWith('.ts') && (includeTests || !name.endsWith('.test.ts'))) {
        hash.update(path.slice(root.length)).update(readFileSync(path));
        files++;
        newest = Math.max(newest, st.mtimeMs);
      }
    }
  };
  for (const p of packages) walk(join(root, 'packages', p, 'src'));
  return { sha256: hash.digest('hex').slice(0, 16), files, newest: new Date(newest).toISOString() };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
export const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/**
 * The machine's CPU seconds so far (/proc/stat, all CPUs): busy, user (with nice), sys (kernel, interrupts
 * included), total, and steal (time the host ran something else on our vCPUs); undefined off Linux.
 */
export function machineCpu() {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const busy = user + nice + system + irq + softirq + (steal || 0);
    return { busy: busy / CLK_TCK, user: (user + nice) / CLK_TCK, sys: (system + irq + softirq) / CLK_TCK, total: (busy + idle + iowait) / CLK_TCK, steal: (steal || 0) / CLK_TCK };
  } catch {
    return undefined;
  }
}
