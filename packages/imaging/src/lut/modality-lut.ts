import { getNumber, type DataSet } from '@cxrlab/dicom';
import { lookup, readLutTable } from './lut-table.js';

const MODALITY_LUT_SEQUENCE = 0x00283000;
const RESCALE_INTERCEPT = 0x00281052;
const RESCALE_SLOPE = 0x00281053;

/** The Modality LUT stage (PS3.3 C.11.1): stored value -> modality value. */
export interface ModalityLut {
  kind: 'sequence' | 'rescale' | 'identity';
  apply(x: number): number;
}

export function modalityLut(ds: DataSet, signed: boolean): ModalityLut {
  const sequence = ds.get(MODALITY_LUT_SEQUENCE);
  if (sequence?.kind === 'sequence' && sequence.items.length > 0) {
    const table = readLutTable(sequence.items[0]!.dataSet, signed, 'Modality LUT Sequence');
    return { kind: 'sequence', apply: (x) => lookup(table, x) };
  }
  const slope = getNumber(ds, RESCALE_SLOPE);
  const intercept = getNumber(ds, RESCALE_INTERCEPT);
  if ((slope !== undefined && slope !== 1) || (intercept !== undefined && intercept !== 0)) {
    const m = slope ?? 1;
    const b = intercept ?? 0;
    return { kind: 'rescale', apply: (x) => x * m + b };
  }
  return { kind: 'identity', apply: (x) => x };
}
