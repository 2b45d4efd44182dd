import { bytesElement, elementStrings, elementText, encodeUID, type BytesElement, type DataSet, type VR } from '@cxrlab/dicom';
import { replacementUid } from '../ids/replacement-uid.js';
import type { BasicAction } from './basic-action.js';
import { cleanText } from './clean-text.js';
import { shiftDA, shiftDT } from './date-shift.js';
import { dummyValue } from './dummy-value.js';
import { encodeValue } from './encode-value.js';

/** What rewriting a value needs to know about the run. */
export interface RewriteContext {
  key: Uint8Array | undefined;
  /** Days every date of this patient moves back by. */
  shiftDays: number;
  /** The data set's identifying words, computed on first use. */
  identifyingWords(): ReadonlySet<string>;
}

const EMPTY = new Uint8Array(0);

/**
 * A bytes element after an action other than keep or remove, read from `ds` with the decided `vr`; the
 * result carries that VR, so a UN-encoded value comes out with the VR it was interpreted with.
 */
export function rewriteValue(ds: DataSet, element: BytesElement, vr: VR, action: BasicAction, ctx: RewriteContext): BytesElement {
  const outVR = vr === 'UN' ? element.vr : vr;
  const make = (value: Uint8Array) => bytesElement(element.tag, outVR, value);
  switch (action) {
    case 'keep': return element;
    case 'remove': case 'empty': return make(EMPTY);
    case 'replaceUid': return make(replaceUids(ds, element, ctx.key));
    case 'dummy': return make(vr === 'UI' ? replaceUids(ds, element, ctx.key) : dummyValue(vr, element.value.length)!);
    case 'clean': return make(cleanValue(ds, element, vr, ctx));
    case 'shiftDate': return make(shiftDates(ds, element, vr, ctx.shiftDays));
  }
}

/** Every UID of a (multi-valued) UI value mapped through replacementUid. */
function replaceUids(ds: DataSet, element: BytesElement, key: Uint8Array | undefined): Uint8Array {
  const uids = elementStrings(ds, element, 'UI');
  return uids.length === 0 ? EMPTY : encodeUID(uids.map((uid) => (uid === '' ? '' : replacementUid(uid, key))).join('\\'));
}

/** The text cleaned and encoded again; emptied if it cannot be (text that does not decode in its character set). */
function cleanValue(ds: DataSet, element: BytesElement, vr: VR, ctx: RewriteContext): Uint8Array {
  if (element.value.length === 0) return EMPTY;
  try {
    return encodeValue(ds, vr, cleanText(elementText(ds, element, vr), ctx.identifyingWords()));
  } catch {
    return EMPTY;
  }
}

/** Every DA or DT value shifted; the whole value emptied if any one is not a date that can be shifted. */
function shiftDates(ds: DataSet, element: BytesElement, vr: VR, days: number): Uint8Array {
  const shift = vr === 'DA' ? shiftDA : shiftDT;
  const shifted = elementStrings(ds, element, vr).map((v) => shift(v, days));
  if (shifted.length === 0 || shifted.some((v) => v === undefined)) return EMPTY;
  return encodeValue(ds, vr, shifted.join('\\'));
}
