import { Tags } from '../core/tags.js';
import { DicomError } from '../core/errors.js';
import { isMultiValuedText, usesCharacterSet, type VR } from '../core/vr.js';
import type { DataSet } from '../data/data-set.js';
import type { BytesElement, Element } from '../data/element.js';
import { decodeText } from '../charset/index.js';
import { decodeAscii } from './encode.js';
import { parsePersonName, type PersonName } from './person-name.js';

/** The values of (0008,0005) in force for a data set (inherited from enclosing data sets). */
export function characterSetsOf(ds: DataSet): readonly string[] {
  const e = ds.inherited(Tags.SpecificCharacterSet);
  if (e?.kind !== 'bytes' || e.value.length === 0) return NO_CHARACTER_SETS;
  let sets = parsedCharacterSets.get(e);
  if (!sets) {
    sets = decodeAscii(e.value).replace(/[\0 ]+$/, '').split('\\').map((s) => s.trim());
    parsedCharacterSets.set(e, sets);
  }
  return sets;
}

const NO_CHARACTER_SETS: readonly string[] = [];
/** Elements are replaced, never changed, so the parsed value can be kept per element. */
const parsedCharacterSets = new WeakMap<Element, readonly string[]>();

/** VRs whose leading spaces are padding too (PS3.5 table 6.2-1). */
const TRIM_BOTH = new Set<VR>(['AE', 'CS', 'DS', 'IS', 'AS', 'DA', 'TM', 'DT', 'UI']);

function trimValue(text: string, vr: VR): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0)) end--;
  let start = 0;
  if (TRIM_BOTH.has(vr)) while (start < end && text.charCodeAt(start) === 0x20) start++;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The whole text of a string element, decoded with the character set in force; padding removed. */
export function elementText(ds: DataSet, element: BytesElement, vr: VR = ds.effectiveVR(element)): string {
  const bytes = element.value;
  const text = usesCharacterSet(vr) ? decodeText(bytes, characterSetsOf(ds), vr === 'PN') : decodeAscii(bytes);
  return trimValue(text, vr);
}

/** The values of a string element: split on backslash (except LT, ST, UT, UR), each value trimmed per its VR. */
export function elementStrings(ds: DataSet, element: BytesElement, vr: VR = ds.effectiveVR(element)): string[] {
  if (element.value.length === 0) return [];
  const text = elementText(ds, element, vr);
  if (!isMultiValuedText(vr)) return [text];
  if (text === '' ) return [];
  return text.split('\\').map((v) => trimValue(v, vr));
}

export function elementPersonNames(ds: DataSet, element: BytesElement): PersonName[] {
  return elementStrings(ds, element, 'PN').map(parsePersonName);
}

/** Numbers of a binary numeric element (US, SS, UL, SL, FL, FD, and OW/OL/OF/OD read as numbers). */
export function binaryNumbers(element: BytesElement, vr: VR): number[] {
  const v = element.value;
  const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
  const out: number[] = [];
  const read = numberReader(vr);
  if (!read) throw new DicomError('ERR_INVALID_VALUE', `VR ${vr} does not hold binary numbers`, { tag: element.tag });
  for (let at = 0; at + read.size <= v.length; at += read.size) out.push(read.get(view, at));
  return out;
}

/** SV and UV values (64-bit integers). */
export function binaryBigInts(element: BytesElement, vr: 'SV' | 'UV'): bigint[] {
  const v = element.value;
  const view = new DataView(v.buffer, v.byteOffset, v.byteLength);
  const out: bigint[] = [];
  for (let at = 0; at + 8 <= v.length; at += 8) out.push(vr === 'SV' ? view.getBigInt64(at, true) : view.getBigUint64(at, true));
  return out;
}

function numberReader(vr: VR): { size: number; get: (view: DataView, at: number) => number } | undefined {
  switch (vr) {
    case 'US': case 'OW': return { size: 2, get: (d, a) => d.getUint16(a, true) };
    case 'SS': return { size: 2, get: (d, a) => d.getInt16(a, true) };
    case 'UL': case 'OL': return { size: 4, get: (d, a) => d.getUint32(a, true) };
    case 'SL': return { size: 4, get: (d, a) => d.getInt32(a, true) };
    case 'FL': case 'OF': return { size: 4, get: (d, a) => d.getFloat32(a, true) };
    case 'FD': case 'OD': return { size: 8, get: (d, a) => d.getFloat64(a, true) };
    default: return undefined;
  }
}

/** Attribute Tag values as tag numbers. */
export function elementTags(element: BytesElement): number[] {
  const v = element.value;
  const out: number[] = [];
  for (let at = 0; at + 4 <= v.length; at += 4) {
    out.push((((v[at]! | (v[at + 1]! << 8)) << 16) | (v[at + 2]! | (v[at + 3]! << 8))) >>> 0);
  }
  return out;
}

/** Numbers of an IS or DS element (NaN for a value that is not a number). */
export function numberStrings(ds: DataSet, element: BytesElement, vr: 'IS' | 'DS'): number[] {
  return elementStrings(ds, element, vr).map((s) => parseNumberString(s, vr));
}

/** An IS or DS value as a number; NaN when the text is not one ("1A", "", "1.5" for IS). */
export function parseNumberString(text: string, vr: 'IS' | 'DS'): number {
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN;
  const n = Number(text);
  return vr === 'IS' && !Number.isInteger(n) ? NaN : n;
}

export type DecodedValue =
  | { type: 'strings'; values: string[] }
  | { type: 'numbers'; values: number[] }
  | { type: 'bigints'; values: bigint[] }
  | { type: 'personNames'; values: PersonName[] }
  | { type: 'tags'; values: number[] }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'items'; values: DataSet[] }
  | { type: 'fragments'; offsetTable: Uint8Array; fragments: Uint8Array[] };

/** An element's value decoded per its (effective) VR. */
export function decodeElement(ds: DataSet, element: Element): DecodedValue {
  if (element.kind === 'sequence') return { type: 'items', values: element.items.map((i) => i.dataSet) };
  if (element.kind === 'fragments') return { type: 'fragments', offsetTable: element.offsetTable, fragments: element.fragments };
  const vr = ds.effectiveVR(element);
  switch (vr) {
    case 'OB': case 'OD': case 'OF': case 'OL': case 'OV': case 'OW': case 'UN':
      return { type: 'bytes', value: element.value };
    case 'US': case 'SS': case 'UL': case 'SL': case 'FL': case 'FD':
      return { type: 'numbers', values: binaryNumbers(element, vr) };
    case 'SV': case 'UV':
      return { type: 'bigints', values: binaryBigInts(element, vr) };
    case 'AT':
      return { type: 'tags', values: elementTags(element) };
    case 'PN':
      return { type: 'personNames', values: elementPersonNames(ds, element) };
    case 'IS': case 'DS':
      return { type: 'numbers', values: numberStrings(ds, element, vr) };
    case 'SQ':
      return { type: 'bytes', value: element.value };
    default:
      return { type: 'strings', values: elementStrings(ds, element, vr) };
  }
}
