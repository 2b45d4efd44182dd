import { isPixelDataTag, type P10File } from '@cxrlab/dicom';
import { walkDataSet } from '../profile/walk-data-set.js';
import type { VerifyFinding } from './verify-finding.js';

const PIXEL_TAG = Buffer.from([0xe0, 0x7f, 0x10, 0x00]);

/**
 * Where the top-level Pixel Data element starts, to say whether a match is in the header or in the
 * pixels: the first (7FE0,0010) tag written explicit VR little endian as OB or OW, as outputs are.
 */
function pixelStart(buffer: Buffer): number {
  for (let at = buffer.indexOf(PIXEL_TAG); at >= 0; at = buffer.indexOf(PIXEL_TAG, at + 1)) {
    const vr = buffer.toString('latin1', at + 4, at + 6);
    if ((vr === 'OB' || vr === 'OW') && buffer[at + 6] === 0 && buffer[at + 7] === 0) return at;
  }
  return buffer.length;
}

/**
 * Looks for each original value (UIDs, names, ids, dates the profile removed or replaced) anywhere in
 * the file's bytes after the file meta (which checkFileMeta holds to our own fixed elements), header
 * and pixel data alike, as ASCII. Values shorter than `minLength` are skipped: a 4-character string
 * turns up by chance in megabytes of pixels.
 */
export function scanForOriginalValues(bytes: Uint8Array, values: Iterable<string>, from = 0, minLength = 6): VerifyFinding[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pixels: number | undefined;
  const findings: VerifyFinding[] = [];
  for (const value of new Set(values)) {
    const text = value.trim();
    if (text.length < minLength) continue;
    const at = buffer.indexOf(text, from, 'latin1');
    if (at < 0) continue;
    pixels ??= pixelStart(buffer);
    const where = at >= pixels ? 'inside the Pixel Data' : 'in the header';
    findings.push({ code: 'ERR_ORIGINAL_VALUE', message: `an original value (${text.length} characters) survives ${where}`, offset: at });
  }
  return findings;
}

/** Every string value in the header at any depth, for checking against the originals of all files. */
export function headerStrings(file: P10File): string[] {
  const out: string[] = [];
  walkDataSet(file.dataSet, (_, e) => {
    if (e.kind !== 'bytes' || isPixelDataTag(e.tag) || e.value.length >= 4096) return;
    for (const part of Buffer.from(e.value).toString('latin1').split(/[\\\0]/)) if (part.trim() !== '') out.push(part.trim());
  });
  return out;
}
