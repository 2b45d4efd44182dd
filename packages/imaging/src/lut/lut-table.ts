import { DicomError, type DataSet } from '@cxrlab/dicom';

const LUT_DESCRIPTOR = 0x00283002;
const LUT_DATA = 0x00283006;

/** A LUT from a Modality or VOI LUT Sequence item (PS3.3 C.11.1.1.1, C.11.2.1.1). */
export interface LutTable {
  /** First stored/input value mapped (entry 0). */
  firstMapped: number;
  /** Bits per entry (the descriptor's third value). */
  bits: number;
  entries: Uint16Array;
}

function word(bytes: Uint8Array, index: number): number {
  return bytes[2 * index]! | (bytes[2 * index + 1]! << 8);
}

/**
 * Reads an item's LUT Descriptor and LUT Data. `signedInput` says whether the descriptor's first
 * mapped value is two's complement (signed pixel data, or an SS descriptor).
 */
export function readLutTable(item: DataSet, signedInput: boolean, what: string): LutTable {
  const descriptor = item.get(LUT_DESCRIPTOR);
  const data = item.get(LUT_DATA);
  if (descriptor?.kind !== 'bytes' || descriptor.value.length < 6) {
    throw new DicomError('ERR_INVALID_VALUE', `${what} item has no valid LUT Descriptor (0028,3002)`, { tag: LUT_DESCRIPTOR });
  }
  if (data?.kind !== 'bytes' || data.value.length === 0) {
    throw new DicomError('ERR_INVALID_VALUE', `${what} item has no LUT Data (0028,3006)`, { tag: LUT_DATA });
  }
  const count = word(descriptor.value, 0) || 65536;
  const rawFirst = word(descriptor.value, 1);
  const firstMapped = (signedInput || descriptor.vr === 'SS') && rawFirst >= 0x8000 ? rawFirst - 0x10000 : rawFirst;
  const bits = word(descriptor.value, 2);
  const entries = new Uint16Array(count);
  if (data.value.length >= count * 2) {
    for (let i = 0; i < count; i++) entries[i] = word(data.value, i);
  } else if (bits <= 8 && data.value.length >= count) {
    // 8-bit entries packed one per byte (seen in the wild, though PS3.3 asks for 16-bit words).
    for (let i = 0; i < count; i++) entries[i] = data.value[i]!;
  } else {
    throw new DicomError('ERR_INVALID_VALUE', `${what} LUT Data holds ${data.value.length} bytes; the descriptor lists ${count} entries`, { tag: LUT_DATA });
  }
  return { firstMapped, bits, entries };
}

/** Looks up `x`: below the first mapped value takes entry 0, past the end the last entry. */
export function lookup(table: LutTable, x: number): number {
  const i = Math.trunc(x) - table.firstMapped; // numpy casts the same way (pydicom apply_voi)
  const n = table.entries.length;
  return table.entries[i <= 0 ? 0 : i >= n ? n - 1 : i]!;
}
