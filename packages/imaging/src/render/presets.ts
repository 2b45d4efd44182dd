import type { DataSet } from '@cxrlab/dicom';
import { fileVoiLut } from '../lut/voi-lut.js';
import type { DecodedFrame } from '../pixel/decoded-frame.js';
import { equalizationTable } from './equalize-histogram.js';
import { lookupPixels, valueHistogram } from './value-histogram.js';

/**
 * The VinDr-CXR release's conversion: stored values scaled by their maximum to 0-255 (floor),
 * MONOCHROME1 inverted, then OpenCV-style histogram equalisation when the maximum exceeds 255.
 */
export function renderVindr(frame: DecodedFrame, monochrome1: boolean): Uint8Array {
  const data = frame.data;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) if (data[i]! > max) max = data[i]!;
  const out = new Uint8Array(data.length);
  if (!(max > 0)) {
    if (monochrome1) out.fill(255);
    return out;
  }
  for (let i = 0; i < data.length; i++) {
    // a * 255 / max, in that order: a * (255 / max) gives 254.99999999999997 at a = max = 979.
    const v = Math.floor((data[i]! * 255) / max);
    const b = v < 0 ? 0 : v > 255 ? 255 : v;
    out[i] = monochrome1 ? 255 - b : b;
  }
  if (max > 255) {
    const histogram = new Uint32Array(256);
    for (let i = 0; i < out.length; i++) histogram[out[i]!]!++;
    const table = equalizationTable(histogram);
    for (let i = 0; i < out.length; i++) out[i] = table[out[i]!]!;
  }
  return out;
}

/**
 * The Kaggle VinBigData notebooks' `read_xray`: pydicom's `apply_voi_lut` on the stored values
 * (the file's VOI LUT Sequence, else its window; nothing when it has neither), MONOCHROME1 as
 * `max - v`, then min-max to 0-255 truncated like numpy's `astype(uint8)`.
 */
export function renderKaggle(frame: DecodedFrame, dataSet: DataSet, monochrome1: boolean, voiIndex: number): Uint8Array {
  const voi = fileVoiLut(dataSet, frame.signed, voiIndex);
  const f = voi ? voi.apply : (x: number) => x;
  const histogram = valueHistogram(frame);
  if (histogram) {
    // One evaluation per distinct stored value, then a table lookup per pixel.
    const values = new Float64Array(histogram.counts.length);
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = f(i - histogram.offset);
      values[i] = v;
      if (histogram.counts[i]! > 0) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    const table = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) table[i] = kaggleByte(values[i]!, min, max, monochrome1);
    return lookupPixels(frame, histogram, table);
  }
  const values = Float64Array.from(frame.data, (x) => f(x));
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = kaggleByte(values[i]!, min, max, monochrome1);
  return out;
}

/** `max - v` for MONOCHROME1 (the range is unchanged, only the direction), min-max, truncation. */
function kaggleByte(v: number, min: number, max: number, monochrome1: boolean): number {
  const range = max - min;
  if (!(range > 0)) return 0;
  const shifted = monochrome1 ? max - v : v - min;
  return Math.min(255, Math.max(0, Math.floor((shifted / range) * 255)));
}
