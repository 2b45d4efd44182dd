import { DicomError } from '@cxrlab/dicom';

/**
 * Expands Segmented Palette Color LUT Data (PS3.3 C.7.9.2): discrete segments (opcode 0) copy
 * their entries, linear segments (1) ramp from the previous entry to the given one, rounding
 * half up, and indirect segments (2) replay earlier segments found by their word offset.
 */
export function expandSegmentedLut(words: Uint16Array, tag: number): number[] {
  const out: number[] = [];
  expand(words, 0, words.length, Infinity, out, tag, 0);
  return out;
}

function expand(words: Uint16Array, start: number, end: number, maxSegments: number, out: number[], tag: number, depth: number): void {
  if (depth > 4) throw new DicomError('ERR_INVALID_VALUE', 'segmented LUT indirection nests too deeply', { tag });
  let at = start;
  for (let segment = 0; segment < maxSegments && at < end; segment++) {
    if (at + 2 > end) throw new DicomError('ERR_INVALID_VALUE', `segmented LUT ends inside a segment header at word ${at}`, { tag });
    const opcode = words[at]!;
    const length = words[at + 1]!;
    at += 2;
    if (opcode === 0) {
      if (at + length > end) throw new DicomError('ERR_INVALID_VALUE', `discrete segment at word ${at - 2} runs past the data`, { tag });
      for (let i = 0; i < length; i++) out.push(words[at + i]!);
      at += length;
    } else if (opcode === 1) {
      if (out.length === 0) throw new DicomError('ERR_INVALID_VALUE', 'linear segment with no previous entry', { tag });
      const y0 = out[out.length - 1]!;
      const y1 = words[at++]!;
      for (let i = 1; i <= length; i++) out.push(Math.round(y0 + ((y1 - y0) * i) / length));
    } else if (opcode === 2) {
      const offset = words[at]! | (words[at + 1]! << 16);
      at += 2;
      expand(words, offset, end, length, out, tag, depth + 1);
    } else {
      throw new DicomError('ERR_INVALID_VALUE', `segmented LUT has unknown segment type ${opcode} at word ${at - 2}`, { tag });
    }
  }
}
