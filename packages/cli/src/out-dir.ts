import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io.js';

/** OUT-DIR as an absolute path; naming something that exists but is not a directory is a usage error. */
export function resolveOutDir(given: string): string {
  const outDir = resolve(given);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new UsageError(`OUT-DIR ${given} is not a directory`);
  return outDir;
}
