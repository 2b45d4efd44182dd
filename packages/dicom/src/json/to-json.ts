import { tagHex } from '../core/tag.js';
import type { DataSet } from '../data/data-set.js';
import type { Element } from '../data/element.js';
import { decodeElement } from '../values/decode.js';
import { encodeFragments } from './fragments.js';
import type { PersonName } from '../values/person-name.js';

/** One attribute of the DICOM JSON model (PS3.18 Annex F). */
export interface DicomJsonAttribute {
  vr: string;
  Value?: Array<string | number | null | PersonName | DicomJson>;
  InlineBinary?: string;
  BulkDataURI?: string;
}

export type DicomJson = Record<string, DicomJsonAttribute>;

export interface DicomJsonOptions {
  /**
   * Called for binary values larger than bulkDataThreshold with the bytes InlineBinary would hold (for
   * encapsulated pixel data, its items): return a URI to emit BulkDataURI instead (or undefined to
   * inline it). `path` is the data set path, e.g. "00400275/0/7FE00010".
   */
  bulkDataURI?: (bytes: Uint8Array, element: Element, path: string) => string | undefined;
  /** Binary values of more than this many bytes go through bulkDataURI (default 1024). */
  bulkDataThreshold?: number;
}

/** The DICOM JSON model of a data set. */
export function toDicomJson(ds: DataSet, options: DicomJsonOptions = {}, path = ''): DicomJson {
  const out: DicomJson = {};
  for (const element of ds.elements()) {
    const key = tagHex(element.tag);
    out[key] = attribute(ds, element, options, path ? `${path}/${key}` : key);
  }
  return out;
}

function safeInteger(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function binary(element: Element, bytes: Uint8Array, vr: string, options: DicomJsonOptions, path: string): DicomJsonAttribute {
  if (bytes.length === 0) return { vr };
  if (options.bulkDataURI && bytes.length > (options.bulkDataThreshold ?? 1024)) {
    const uri = options.bulkDataURI(bytes, element, path);
    if (uri !== undefined) return { vr, BulkDataURI: uri };
  }
  return { vr, InlineBinary: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64') };
}

function attribute(ds: DataSet, element: Element, options: DicomJsonOptions, path: string): DicomJsonAttribute {
  const value = decodeElement(ds, element);
  const vr = element.kind === 'fragments' ? element.vr : ds.effectiveVR(element);
  switch (value.type) {
    case 'items':
      return { vr: 'SQ', Value: value.values.map((item, i) => toDicomJson(item, options, `${path}/${i}`)) };
    case 'fragments':
      return binary(element, encodeFragments(value.offsetTable, value.fragments), vr, options, path);
    case 'bytes':
      // A UN value the dictionary calls SQ but which does not hold items stays binary.
      if (vr === 'SQ') return value.value.length === 0 ? { vr: 'SQ', Value: [] } : binary(element, value.value, 'UN', options, path);
      return binary(element, value.value, vr, options, path);
    case 'numbers':
      return value.values.length ? { vr, Value: value.values.map((n) => (Number.isNaN(n) ? null : n)) } : { vr };
    case 'bigints':
      return value.values.length ? { vr, Value: value.values.map(safeInteger) } : { vr };
    case 'tags':
      return value.values.length ? { vr, Value: value.values.map(tagHex) } : { vr };
    case 'personNames':
      return value.values.length ? { vr, Value: value.values } : { vr };
    case 'strings':
      return value.values.length ? { vr, Value: value.values } : { vr };
  }
}
