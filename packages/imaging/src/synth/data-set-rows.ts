import { DataSet, bytesElement, encodeAscii, encodeUID, sequenceElement, type Item, type VR } from '@cxrlab/dicom';

/** One attribute: tag, VR, value (text, binary bytes, or items for SQ) and, for SQ, undefined length. */
export type Row = [tag: number, vr: VR, value: string | Uint8Array | Item[], undefinedLength?: boolean];

/** A data set from rows; text is encoded as ISO 8859-1 (the header declares ISO_IR 100). */
export function dataSetOf(rows: readonly Row[]): DataSet {
  const ds = new DataSet();
  for (const [tag, vr, value, undefinedLength = true] of rows) {
    if (vr === 'SQ') ds.set(sequenceElement(tag, value as Item[], undefinedLength));
    else if (value instanceof Uint8Array) ds.set(bytesElement(tag, vr, value));
    else if (vr === 'UI') ds.set(bytesElement(tag, vr, encodeUID(value as string)));
    else ds.set(bytesElement(tag, vr, encodeAscii(value as string)));
  }
  return ds;
}

export const item = (rows: readonly Row[], undefinedLength = true): Item => ({ dataSet: dataSetOf(rows), undefinedLength });

/** A code sequence item: Code Value, Coding Scheme Designator, Code Meaning, and more rows. */
export const code = (value: string, scheme: string, meaning: string, extra: Row[] = []): Item =>
  item([[0x00080100, 'SH', value], [0x00080102, 'SH', scheme], [0x00080104, 'LO', meaning], ...extra]);

function bytesOf(values: ArrayLike<number>, Type: Uint16ArrayConstructor | Int16ArrayConstructor | Uint32ArrayConstructor | Int32ArrayConstructor | Float64ArrayConstructor): Uint8Array {
  const a = Type.from(values);
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

export const US = (...v: number[]): Uint8Array => bytesOf(v, Uint16Array);
export const SS = (...v: number[]): Uint8Array => bytesOf(v, Int16Array);
export const UL = (...v: number[]): Uint8Array => bytesOf(v, Uint32Array);
export const SL = (...v: number[]): Uint8Array => bytesOf(v, Int32Array);
export const FD = (...v: number[]): Uint8Array => bytesOf(v, Float64Array);
