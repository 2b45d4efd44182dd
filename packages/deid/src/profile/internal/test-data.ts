// Builders for the profile tests: data sets written out element by element.
import { bytesElement, DataSet, elementStrings, encodeAscii, paddingByte, sequenceElement, type Element, type VR } from '@cxrlab/dicom';

/** A text element, ASCII, padded as its VR asks. */
export function text(tag: number, vr: VR, value: string): Element {
  return bytesElement(tag, vr, encodeAscii(value, paddingByte(vr)));
}

/** A US element. */
export function us(tag: number, value: number): Element {
  return bytesElement(tag, 'US', new Uint8Array([value & 0xff, value >> 8]));
}

/** A data set of elements; `parent` for the items of a sequence. */
export function dataSet(elements: Element[], parent?: DataSet): DataSet {
  const ds = new DataSet(parent);
  for (const e of elements) ds.set(e);
  return ds;
}

/** A sequence whose items are built from element lists, each item's parent set to `parent`. */
export function sequence(tag: number, items: Element[][], parent?: DataSet, vr: 'SQ' | 'UN' = 'SQ'): Element {
  return sequenceElement(tag, items.map((elements) => ({ dataSet: dataSet(elements, parent), undefinedLength: true })), true, vr);
}

/** A sequence added to `parent` with items whose parent is `parent`. */
export function addSequence(parent: DataSet, tag: number, items: Element[][], vr: 'SQ' | 'UN' = 'SQ'): DataSet[] {
  const element = sequence(tag, items, parent, vr);
  parent.set(element);
  return element.kind === 'sequence' ? element.items.map((i) => i.dataSet) : [];
}

/** The string values of an element (empty when absent or not bytes). */
export function values(ds: DataSet, tag: number): string[] {
  const e = ds.get(tag);
  return e?.kind === 'bytes' ? elementStrings(ds, e) : [];
}

/** The items' data sets of a sequence element (empty when absent). */
export function items(ds: DataSet, tag: number): DataSet[] {
  const e = ds.get(tag);
  return e?.kind === 'sequence' ? e.items.map((i) => i.dataSet) : [];
}
