import { allocatePixels, type DecodedFrame, type PixelDescription } from '@cxrlab/imaging';

/**
 * Native Pixel Data for decoded frames, in the word layout `d` describes: Bits Allocated 8, 16
 * or 32, the Bits Stored field moved back up to High Bit, nothing else set in unsigned words and
 * the sign extended in signed ones, little endian, samples interleaved or (`planar`) by plane.
 */
export function nativePixelBytes(frames: readonly DecodedFrame[], d: PixelDescription, planar: boolean): Uint8Array {
  const first = frames[0]!;
  const samples = first.samplesPerPixel;
  const pixels = first.rows * first.columns;
  const count = pixels * samples;
  const out = allocatePixels(d, count * frames.length);
  const shift = d.highBit - d.bitsStored + 1;
  const scale = 2 ** shift;
  frames.forEach((frame, f) => {
    const base = f * count;
    const data = frame.data;
    if (planar && samples > 1) {
      for (let s = 0; s < samples; s++) {
        for (let p = 0; p < pixels; p++) out[base + s * pixels + p] = data[p * samples + s]! * scale;
      }
    } else if (shift === 0) {
      out.set(data, base);
    } else {
      for (let i = 0; i < count; i++) out[base + i] = data[i]! * scale;
    }
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
