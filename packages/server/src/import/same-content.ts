// Whether two files hold the same bytes (size first, then the contents in blocks).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const BLOCK = 1024 * 1024;

/** True when both files exist and are byte for byte equal; false otherwise (including when one cannot be read). */
export function sameContent(a: string, b: string): boolean {
  if (a === b) return true;
  let fa: number | undefined;
  let fb: number | undefined;
  try {
    if (statSync(a).size !== statSync(b).size) return false;
    fa = openSync(a, 'r');
    fb = openSync(b, 'r');
    const ba = Buffer.allocUnsafe(BLOCK);
    const bb = Buffer.allocUnsafe(BLOCK);
    for (let position = 0; ; position += BLOCK) {
      const na = readSync(fa, ba, 0, BLOCK, position);
      const nb = readSync(fb, bb, 0, BLOCK, position);
      if (na !== nb) return false;
      if (na === 0) return true;
      if (!ba.subarray(0, na).equals(bb.subarray(0, nb))) return false;
    }
  } catch {
    return false;
  } finally {
    if (fa !== undefined) closeSync(fa);
    if (fb !== undefined) closeSync(fb);
  }
}
