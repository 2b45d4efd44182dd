// Atomic file writes (temporary file, fsync, rename) for every package's outputs, DICOM or not.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { tempPathFor } from './write.js';

export interface AtomicWriteOptions {
  /** Create the parent directories first (default false). */
  mkdir?: boolean;
  /** File mode of a new file (default 0o666, less the umask). */
  mode?: number;
}

/**
 * Writes `data` to `path` so that readers see either the old file or the whole new one: writes a
 * temporary file in the same directory, fsyncs it, then renames it over `path`. On any failure the
 * temporary file is removed and `path` is untouched.
 */
export function writeFileAtomicSync(path: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): void {
  if (options.mkdir) mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', options.mode ?? 0o666);
    for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw error;
  }
}
