import { DicomError, type DataSet } from '@cxrlab/dicom';
import { modalityLut } from '../lut/modality-lut.js';
import { invertsForDisplay } from '../lut/presentation.js';
import { fileVoiLut, percentileWindow, type VoiLut } from '../lut/voi-lut.js';
import type { DecodedFrame } from '../pixel/decoded-frame.js';
import { renderColour } from './render-colour.js';
import { renderKaggle, renderVindr } from './presets.js';
import { lookupPixels, percentilesOf, percentilesOfValues, valueHistogram } from './value-histogram.js';

/**
 * How grey values are chosen: `dicom` the file's own VOI (falling back to `auto` when it has
 * none), `auto` the robust percentile window, `vindr` and `kaggle` the conversions of the
 * VinDr-CXR release and of the Kaggle notebooks (docs/imaging.md has the formulas).
 */
export type WindowMode = 'dicom' | 'auto' | 'vindr' | 'kaggle';
export const WINDOW_MODES: readonly WindowMode[] = ['dicom', 'auto', 'vindr', 'kaggle'];

export interface RenderOptions {
  window?: WindowMode;
  /** Which window / VOI LUT of several in the file (default 0). */
  voiIndex?: number;
}

/** 8-bit pixels, samples interleaved. */
export interface RenderedImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

export const ROBUST_PERCENTILES = [0.005, 0.995];

/** Renders a decoded frame for display (PS3.3 C.11: modality LUT, VOI, presentation), 8 bits. */
export function renderFrame(frame: DecodedFrame, dataSet: DataSet, options: RenderOptions = {}): RenderedImage {
  const pi = frame.photometricInterpretation;
  if (pi !== 'MONOCHROME1' && pi !== 'MONOCHROME2') return renderColour(frame, dataSet);
  const mode = options.window ?? 'dicom';
  if (mode === 'vindr') return grey(frame, renderVindr(frame, pi === 'MONOCHROME1'));
  if (mode === 'kaggle') return grey(frame, renderKaggle(frame, dataSet, pi === 'MONOCHROME1', options.voiIndex ?? 0));
  const modality = modalityLut(dataSet, frame.signed);
  const invert = invertsForDisplay(dataSet, pi);
  const histogram = valueHistogram(frame);
  const fileVoi = mode === 'dicom' ? fileVoiLut(dataSet, frame.signed, options.voiIndex ?? 0) : undefined;
  if (histogram) {
    const voi = fileVoi ?? robustWindow(percentilesOf(histogram, modality.apply, ROBUST_PERCENTILES));
    const table = new Uint8Array(histogram.counts.length);
    for (let i = 0; i < table.length; i++) table[i] = toByte(voi.apply(modality.apply(i - histogram.offset)), invert);
    return grey(frame, lookupPixels(frame, histogram, table));
  }
  // Deeper than 16 bits: per pixel.
  const values = new Float64Array(frame.data.length);
  for (let i = 0; i < values.length; i++) values[i] = modality.apply(frame.data[i]!);
  const voi = fileVoi ?? robustWindow(percentilesOfValues(values, ROBUST_PERCENTILES));
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toByte(voi.apply(values[i]!), invert);
  return grey(frame, out);
}

function robustWindow([lo, hi]: number[]): VoiLut {
  return percentileWindow(lo!, hi!);
}

/** [0, 1] -> 0..255, half away from zero, after the presentation inversion. */
function toByte(y: number, invert: boolean): number {
  const v = invert ? 1 - y : y;
  return v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255);
}

function grey(frame: DecodedFrame, data: Uint8Array): RenderedImage {
  if (data.length !== frame.rows * frame.columns) throw new DicomError('ERR_INVALID_VALUE', 'rendered size does not match the frame');
  return { width: frame.columns, height: frame.rows, channels: 1, data };
}
