// Putting an imported file into the data dir atomically: a copy is written to a temporary file beside
// the target and flushed first; then the target appears whole or not at all. `place` never replaces an
// existing target (a hard link, which fails when the name exists); `replace` does (a rename over it).
import { closeSync, copyFileSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { tempPathFor } from '@cxrlab/dicom';

/** copy: the source stays; move: the source (already durable, on the same file system) is renamed. */
export type Placement = 'copy' | 'move';

function flushedCopy(source: string, target: string): string {
  const temp = tempPathFor(target);
  try {
    copyFileSync(source, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  return temp;
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Places `source` at `target` unless `target` exists: 'placed', or 'exists' (nothing changed; a moved source stays). */
export function placeFile(source: string, target: string, how: Placement): 'placed' | 'exists' {
  const staged = how === 'copy' ? flushedCopy(source, target) : source;
  try {
    linkSync(staged, target);
  } catch (error) {
    if (how === 'copy') removeQuietly(staged);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
  removeQuietly(staged);
  return 'placed';
}

/** Places `source` at `target`, replacing whatever is there. */
export function replaceFile(source: string, target: string, how: Placement): void {
  const staged = how === 'copy' ? flushedCopy(source, target) : source;
  try {
    renameSync(staged, target);
  } catch (error) {
    if (how === 'copy') removeQuietly(staged);
    throw error;
  }
}
