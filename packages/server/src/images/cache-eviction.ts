// Keeping a cache folder under a size: the least recently used entries (oldest modification time) go first.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Temporary files of interrupted atomic writes (`.name.pid-thread-random.tmp`) older than this are removed. */
const STALE_TEMP_MS = 10 * 60 * 1000;

export interface EvictionResult {
  /** Bytes of the entries left. */
  totalBytes: number;
  removed: string[];
}

/** The total size of the entries in `dir` (its regular files, temporary files left out). */
export function cacheSize(dir: string): number {
  return entries(dir).reduce((sum, e) => sum + e.size, 0);
}

/**
 * Removes the entries with the oldest modification time until the rest fit in `maxBytes`, never one named in
 * `keep`; also removes stale temporary files. Entries that vanish meanwhile (another process) are skipped.
 */
export function evictOldest(dir: string, maxBytes: number, keep: ReadonlySet<string> = new Set()): EvictionResult {
  removeStaleTemps(dir);
  const all = entries(dir).sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
  let totalBytes = all.reduce((sum, e) => sum + e.size, 0);
  const removed: string[] = [];
  for (const entry of all) {
    if (totalBytes <= maxBytes) break;
    if (keep.has(entry.name)) continue;
    try {
      unlinkSync(join(dir, entry.name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    totalBytes -= entry.size;
    removed.push(entry.name);
  }
  return { totalBytes, removed };
}

interface Entry {
  name: string;
  size: number;
  mtimeMs: number;
}

function entries(dir: string): Entry[] {
  const out: Entry[] = [];
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    if (!dirent.isFile() || dirent.name.startsWith('.')) continue;
    const stat = statOrUndefined(join(dir, dirent.name));
    if (stat) out.push({ name: dirent.name, size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return out;
}

function removeStaleTemps(dir: string): void {
  const now = Date.now();
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    if (!dirent.isFile() || !dirent.name.startsWith('.') || !dirent.name.endsWith('.tmp')) continue;
    const path = join(dir, dirent.name);
    const stat = statOrUndefined(path);
    if (stat && now - stat.mtimeMs > STALE_TEMP_MS) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  }
}

function statOrUndefined(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
