// Steps 2-4 of the VinDr preprocessing as one table from stored value to byte, for 8- and 16-bit frames.
import { alphaFor, scaleValue } from './convert-scale-abs.js';
import { equalizationLut } from './equalize-hist.js';

export type SmallPixelArray = Uint8Array | Int8Array | Uint16Array | Int16Array;

/**
 * The same bytes as scaleByMax, then 255 - v when `invert`, then equalizeHist when max > 255, in two
 * passes instead of six: every step maps a stored value to a byte, and the 8-bit histogram that
 * equalisation needs is the histogram of stored values carried through the first two steps. Pass 1
 * counts stored values (max is the highest occupied one), pass 2 looks each pixel up in the table
 * composed from the three steps. `into`, when long enough, receives the bytes (a buffer reused from
 * image to image: fresh memory for 6.8 Mpx costs more page faults than the pass itself).
 */
export function fusedImage8(data: SmallPixelArray, length: number, invert: boolean, into?: Uint8Array): Uint8Array {
  if (!Number.isInteger(length) || length < 1 || length > data.length) throw new RangeError(`length ${length} is not within the ${data.length} values given`);
  const bins = data.BYTES_PER_ELEMENT === 1 ? 256 : 65536;
  const offset = data instanceof Int8Array || data instanceof Int16Array ? bins / 2 : 0;
  const counts = countValues(data, length, bins, offset);
  let lo = 0;
  while (counts[lo] === 0) lo++;
  let hi = bins - 1;
  while (counts[hi] === 0) hi--;
  const max = hi - offset;
  const alpha = alphaFor(max);
  const table = new Uint8Array(bins);
  const hist = new Float64Array(256);
  for (let b = lo; b <= hi; b++) {
    const scaled = scaleValue(b - offset, alpha);
    const v = invert ? 255 - scaled : scaled;
    table[b] = v;
    hist[v] = hist[v]! + counts[b]!;
  }
  if (max > 255) {
    const lut = equalizationLut(hist);
    for (let b = lo; b <= hi; b++) table[b] = lut[table[b]!]!;
  }
  const out = into !== undefined && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
  if (offset === 0) for (let i = 0; i < length; i++) out[i] = table[data[i]!]!;
  else for (let i = 0; i < length; i++) out[i] = table[data[i]! + offset]!;
  return out;
}

/**
 * How many pixels hold each stored value (index value + offset). Four interleaved histograms, so
 * runs of equal neighbours (most of a radiograph) do not wait on the previous increment.
 */
function countValues(data: SmallPixelArray, length: number, bins: number, offset: number): Int32Array {
  const c0 = new Int32Array(bins);
  const c1 = new Int32Array(bins);
  const c2 = new Int32Array(bins);
  const c3 = new Int32Array(bins);
  let i = 0;
  for (; i + 3 < length; i += 4) {
    const a = data[i]! + offset;
    const b = data[i + 1]! + offset;
    const c = data[i + 2]! + offset;
    const d = data[i + 3]! + offset;
    c0[a] = c0[a]! + 1;
    c1[b] = c1[b]! + 1;
    c2[c] = c2[c]! + 1;
    c3[d] = c3[d]! + 1;
  }
  for (; i < length; i++) {
    const a = data[i]! + offset;
    c0[a] = c0[a]! + 1;
  }
  for (let b = 0; b < bins; b++) c0[b] = c0[b]! + c1[b]! + c2[b]! + c3[b]!;
  return c0;
}
