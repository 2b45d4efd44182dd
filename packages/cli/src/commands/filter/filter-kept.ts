// --copy-kept / --link-kept: the kept images gathered in one directory, each under its path
// relative to the input directory it was found in. Copies and links are made atomically (a
// temporary name, then rename); a copy keeps its source's modification time, so that a re-run
// knows it (same size and time, or the same inode for a link) and leaves it alone.
import { copyFileSync, linkSync, mkdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempPathFor } from '@cxrlab/pipeline';

export type KeepHow = 'copy' | 'link';

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    // times compared to the millisecond: utimes does not carry every nanosecond over
    return (x.ino === y.ino && x.dev === y.dev) || (x.size === y.size && Math.abs(x.mtimeMs - y.mtimeMs) < 1);
  } catch {
    return false;
  }
}

/**
 * Puts `source` at `dir/relativePath`: a copy, or a hard link (a symbolic link where the two are on
 * different file systems). Returns false when it was already there.
 */
export function placeKept(source: string, dir: string, relativePath: string, how: KeepHow): boolean {
  const target = join(dir, relativePath);
  if (sameFile(source, target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    if (how === 'copy') {
      copyFileSync(source, temp);
      const { atimeMs, mtimeMs } = statSync(source);
      utimesSync(temp, atimeMs / 1000, mtimeMs / 1000);
    }
    else {
      try {
        linkSync(source, temp);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        symlinkSync(source, temp);
      }
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return true;
}
