import type { DataSet } from '../data/data-set.js';
import { decodeElement, elementStrings } from './decode.js';
import { lookupKeyword } from '../dictionary/lookup.js';
import { DicomError } from '../core/errors.js';

/** A tag number from a number or a dictionary keyword such as "PatientName". */
export function toTag(tagOrKeyword: number | string): number {
  if (typeof tagOrKeyword === 'number') return tagOrKeyword;
  const entry = lookupKeyword(tagOrKeyword);
  if (!entry) throw new DicomError('ERR_INVALID_VALUE', `unknown keyword ${tagOrKeyword}`);
  return entry.tag;
}

/** The string values of an element (empty when absent). */
export function getStrings(ds: DataSet, tag: number | string): string[] {
  const e = ds.get(toTag(tag));
  if (e?.kind !== 'bytes') return [];
  return elementStrings(ds, e);
}

/** The first string value of an element. */
export function getString(ds: DataSet, tag: number | string): string | undefined {
  return getStrings(ds, tag)[0];
}

/** The numeric values of an element (binary numbers, IS or DS); empty when absent or not numeric. */
export function getNumbers(ds: DataSet, tag: number | string): number[] {
  const e = ds.get(toTag(tag));
  if (!e) return [];
  const v = decodeElement(ds, e);
  return v.type === 'numbers' ? v.values : [];
}

export function getNumber(ds: DataSet, tag: number | string): number | undefined {
  return getNumbers(ds, tag)[0];
}
