import { DicomError, type DataSet } from '@cxrlab/dicom';
import { modalityLut } from '../lut/modality-lut.js';
import type { DecodedFrame } from '../pixel/decoded-frame.js';

/** Full-depth grey values after the modality LUT, for 16-bit outputs. */
export interface ModalityImage16 {
  width: number;
  height: number;
  data: Uint16Array;
  /** Added to every modality value so the range the LUT can produce starts at >= 0 (e.g. 1024 for CT). */
  offset: number;
}

/**
 * The modality LUT output (no VOI, no inversion), rounded half away from zero, shifted by the smallest value the
 * LUT can give for the stored range when that is negative, clamped to 0..65535.
 */
export function modalityImage16(frame: DecodedFrame, dataSet: DataSet): ModalityImage16 {
  if (frame.samplesPerPixel !== 1) throw new DicomError('ERR_UNSUPPORTED', '16-bit output is for grayscale images');
  const modality = modalityLut(dataSet, frame.signed);
  const storedMin = frame.signed ? -(2 ** (frame.bitsStored - 1)) : 0;
  const storedMax = frame.signed ? 2 ** (frame.bitsStored - 1) - 1 : 2 ** frame.bitsStored - 1;
  const lowest = modality.kind === 'sequence' ? 0 : Math.min(modality.apply(storedMin), modality.apply(storedMax));
  const offset = lowest < 0 ? -roundHalfAway(lowest) : 0;
  const out = new Uint16Array(frame.data.length);
  const data = frame.data;
  if (modality.kind === 'identity') {
    for (let i = 0; i < data.length; i++) {
      const v = data[i]! + offset;
      out[i] = v < 0 ? 0 : v > 65535 ? 65535 : v;
    }
  } else {
    for (let i = 0; i < data.length; i++) {
      const v = roundHalfAway(modality.apply(data[i]!)) + offset;
      out[i] = v < 0 ? 0 : v > 65535 ? 65535 : v;
    }
  }
  return { width: frame.columns, height: frame.rows, data: out, offset };
}

/** Rounds half away from zero, as the 8-bit output does (Math.round takes -0.5 up to 0). */
function roundHalfAway(v: number): number {
  return v < 0 ? -Math.round(-v) : Math.round(v);
}
