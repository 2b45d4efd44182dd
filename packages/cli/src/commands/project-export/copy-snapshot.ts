// --out: a copy of an export snapshot's folder, put in place atomically: copied into a temporary
// folder beside the target, then renamed to it, so the target is either absent or complete.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../io.js';

/** The target as an absolute path; it must not exist, or be an empty folder (checked before exporting). */
export function checkOutTarget(given: string): string {
  const out = resolve(given);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) throw new UsageError(`--out ${given} exists and is not an empty folder`);
  return out;
}

export function copySnapshot(folder: string, out: string): void {
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(out)}.partial-`));
  try {
    cpSync(folder, staging, { recursive: true });
    if (existsSync(out)) rmdirSync(out); // empty (checked), so a plain rmdir; it fails if something appeared since
    renameSync(staging, out);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
