import { DicomError, getNumbers, getStrings, type DataSet } from '@cxrlab/dicom';
import { lookup, readLutTable } from './lut-table.js';
import { windowFunction, type VoiFunction } from './window.js';

const VOI_LUT_SEQUENCE = 0x00283010;
const WINDOW_CENTER = 0x00281050;
const WINDOW_WIDTH = 0x00281051;
const VOI_LUT_FUNCTION = 0x00281056;

/** The VOI stage (PS3.3 C.11.2): modality value -> [0, 1]. */
export interface VoiLut {
  kind: 'sequence' | 'window';
  description: string;
  apply(x: number): number;
}

/** The file's own VOI: its VOI LUT Sequence item, else its window; undefined when it has neither. */
export function fileVoiLut(ds: DataSet, signed: boolean, index = 0): VoiLut | undefined {
  const sequence = ds.get(VOI_LUT_SEQUENCE);
  if (sequence?.kind === 'sequence' && sequence.items.length > 0) {
    const item = sequence.items[Math.min(index, sequence.items.length - 1)]!;
    const table = readLutTable(item.dataSet, signed, 'VOI LUT Sequence');
    const max = 2 ** Math.min(Math.max(table.bits, 1), 16) - 1;
    return { kind: 'sequence', description: `VOI LUT ${index}`, apply: (x) => lookup(table, x) / max };
  }
  const centers = getNumbers(ds, WINDOW_CENTER);
  const widths = getNumbers(ds, WINDOW_WIDTH);
  if (centers.length === 0 || widths.length === 0) return undefined;
  const i = Math.min(index, centers.length - 1, widths.length - 1);
  const fn = (getStrings(ds, VOI_LUT_FUNCTION)[0]?.trim().toUpperCase() || 'LINEAR') as VoiFunction;
  if (fn !== 'LINEAR' && fn !== 'LINEAR_EXACT' && fn !== 'SIGMOID') {
    throw new DicomError('ERR_UNSUPPORTED', `VOI LUT Function "${fn}" is not LINEAR, LINEAR_EXACT or SIGMOID`, { tag: VOI_LUT_FUNCTION });
  }
  const center = centers[i]!;
  const width = widths[i]!;
  if (!Number.isFinite(center) || !Number.isFinite(width) || width <= 0 || (fn === 'LINEAR' && width < 1)) {
    return undefined; // unusable window: fall back to the robust one
  }
  return { kind: 'window', description: `${fn} c=${center} w=${width}`, apply: windowFunction(center, width, fn) };
}

/** The robust window: 0.5th-99.5th percentiles of the modality values, LINEAR_EXACT. */
export function percentileWindow(lo: number, hi: number): VoiLut {
  if (!(hi > lo)) return { kind: 'window', description: `flat ${lo}`, apply: () => 0.5 };
  return {
    kind: 'window',
    description: `auto c=${(lo + hi) / 2} w=${hi - lo}`,
    apply: windowFunction((lo + hi) / 2, hi - lo, 'LINEAR_EXACT'),
  };
}
