import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import type { CodecOutput, PixelCodec } from './codec.js';

function u32(data: Uint8Array, at: number): number {
  return (data[at]! | (data[at + 1]! << 8) | (data[at + 2]! << 16) | (data[at + 3]! << 24)) >>> 0;
}

/** Decodes one PackBits segment into `out`, every `stride`-th byte starting at `start`; returns bytes written. */
function unpackSegment(data: Uint8Array, from: number, to: number, out: Uint8Array, start: number, stride: number, count: number): number {
  let at = from;
  let n = 0;
  let o = start;
  while (at < to && n < count) {
    const header = data[at++]!;
    if (header < 128) {
      const run = Math.min(header + 1, count - n, to - at);
      for (let i = 0; i < run; i++, o += stride) out[o] = data[at + i]!;
      at += header + 1;
      n += run;
    } else if (header > 128) {
      const run = Math.min(257 - header, count - n);
      const value = data[at++]!;
      for (let i = 0; i < run; i++, o += stride) out[o] = value;
      n += run;
    }
    // 128 is a no-op.
  }
  return n;
}

/**
 * RLE Lossless (PS3.5 Annex G): one PackBits segment per byte of each sample, most significant
 * byte first. Output is planar (sample planes one after another), little endian.
 */
export const rleCodec: PixelCodec = {
  name: 'rle',
  transferSyntaxes: [TransferSyntaxes.RLELossless.uid],
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (frame.length < 64) throw new DicomError('ERR_TRUNCATED', `RLE frame is ${frame.length} bytes, shorter than its 64-byte header`);
    const segments = u32(frame, 0);
    const bytesPerSample = Math.ceil(d.bitsAllocated / 8);
    const expected = bytesPerSample * d.samplesPerPixel;
    if (segments !== expected) {
      throw new DicomError('ERR_INVALID_VALUE', `RLE header lists ${segments} segments; ${d.samplesPerPixel} sample(s) of ${d.bitsAllocated} bits need ${expected}`);
    }
    const pixels = d.rows * d.columns;
    const out = new Uint8Array(pixels * expected);
    for (let s = 0; s < segments; s++) {
      const from = u32(frame, 4 + 4 * s);
      const to = s + 1 < segments ? u32(frame, 8 + 4 * s) : frame.length;
      if (from < 64 || from > frame.length || to < from) {
        throw new DicomError('ERR_INVALID_VALUE', `RLE segment ${s + 1} offset ${from} is outside the frame (${frame.length} bytes)`);
      }
      const sample = Math.floor(s / bytesPerSample);
      const byteInSample = bytesPerSample - 1 - (s % bytesPerSample); // MSB segment first
      const written = unpackSegment(frame, from, Math.min(to, frame.length), out, sample * pixels * bytesPerSample + byteInSample, bytesPerSample, pixels);
      if (written < pixels) {
        throw new DicomError('ERR_TRUNCATED', `RLE segment ${s + 1} decodes to ${written} bytes; ${d.columns}x${d.rows} needs ${pixels}`);
      }
    }
    return { bytes: out, planar: d.samplesPerPixel > 1 };
  },
};
