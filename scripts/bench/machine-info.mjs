// What a benchmark prints about the machine and the code it measured.
import { execFileSync } from 'node:child_process';
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
