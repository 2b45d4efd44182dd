// Step 4 of the VinDr preprocessing: cv2.equalizeHist on an 8-bit image, bit-exact.
import { saturateRound8 } from './saturate-round.js';

/**
 * OpenCV's `equalizeHist`: find the first occupied bin i; if it holds every pixel the image becomes
 * i; otherwise scale = 255 / (N - hist[i]) in float32, lut[i] = 0 and, for j > i, lut[j] is the
 * running count of bins i+1..j times scale in float32, rounded to nearest with ties to even and
 * saturated. (@cxrlab/imaging's `equalizationTable` does the same in double precision, which can
 * differ from OpenCV by one level where a product lands near a half.)
 */
export function equalizeHist(src: Uint8Array): Uint8Array {
  const hist = new Float64Array(256);
  for (let p = 0; p < src.length; p++) {
    const v = src[p]!;
    hist[v] = hist[v]! + 1;
  }
  const out = new Uint8Array(src.length);
  if (src.length === 0) return out;
  const lut = equalizationLut(hist);
  for (let p = 0; p < src.length; p++) out[p] = lut[src[p]!]!;
  return out;
}

/** OpenCV's table from the 256-bin histogram of a non-empty image; levels below the first occupied one map to 0. */
export function equalizationLut(hist: ArrayLike<number>): Uint8Array {
  const lut = new Uint8Array(256);
  let total = 0;
  for (let j = 0; j < 256; j++) total += hist[j]!;
  let i = 0;
  while (i < 255 && hist[i] === 0) i++;
  if (hist[i] === total) return lut.fill(i);
  const scale = Math.fround(255 / Math.fround(total - hist[i]!));
  let sum = 0;
  for (let j = i + 1; j < 256; j++) {
    sum += hist[j]!;
    lut[j] = saturateRound8(Math.fround(Math.fround(sum) * scale));
  }
  return lut;
}
