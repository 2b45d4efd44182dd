import { DataSet, getString, Tags, sequenceElement, type Element, type SequenceElement } from '@cxrlab/dicom';
import { dateShiftDays } from './date-shift.js';
import { decideBasic } from './decide-basic.js';
import { decisionVR } from './decision-vr.js';
import { addDeidMethod } from './deid-method.js';
import { identifyingWords } from './identifying-words.js';
import type { BasicProfileOptions, DeidKey } from './profile-options.js';
import { rewriteValue, type RewriteContext } from './rewrite-value.js';
import { validateBasicOptions } from './validate-options.js';

interface Run extends RewriteContext {
  options: BasicProfileOptions;
}

/**
 * A de-identified copy of a data set under the PS3.15 Basic Profile and options: every element decided by
 * decideBasic and rewritten accordingly, inside every sequence at every depth, then the de-identification
 * method recorded (see addDeidMethod; `pixels.cleaned`: the caller searched the pixels for burned-in
 * text). The input is never changed; kept elements are the same objects
 * (the Pixel Data element included, for the caller to replace if it scrubs pixels), and items are new data
 * sets whose parent is the new enclosing data set, so character set and VR inheritance still hold.
 * Dates move by a shift derived from the top-level Patient ID (one shift for all files without one).
 * The file meta is not handled: its Media Storage SOP Instance UID must be rebuilt from the result.
 * Throws DeidOptionsError for contradictory options.
 */
export function deidentifyBasic(dataSet: DataSet, options: BasicProfileOptions, key: DeidKey, pixels: { cleaned?: boolean } = {}): DataSet {
  validateBasicOptions(options);
  let words: ReadonlySet<string> | undefined;
  const run: Run = {
    options,
    key: key.key,
    shiftDays: dateShiftDays(getString(dataSet, Tags.PatientID) ?? '', key.key),
    identifyingWords: () => (words ??= identifyingWords(dataSet)),
  };
  const out = deidentifyLevel(dataSet, dataSet.parent, run);
  addDeidMethod(out, options, pixels.cleaned ?? false);
  return out;
}

function deidentifyLevel(source: DataSet, parent: DataSet | undefined, run: Run): DataSet {
  const out = new DataSet(parent);
  for (const element of source) {
    const next = deidentifyElement(source, out, element, run);
    if (next) out.set(next);
  }
  return out;
}

/** The element as the profile leaves it, or undefined when it goes. */
function deidentifyElement(source: DataSet, out: DataSet, element: Element, run: Run): Element | undefined {
  const vr = decisionVR(source, element);
  const action = decideBasic(element.tag, vr, run.options);
  if (action === 'remove') return undefined;
  switch (element.kind) {
    case 'sequence':
      return action === 'empty' ? withItems(element, []) : withItems(element, element.items.map((item) => ({
        dataSet: deidentifyLevel(item.dataSet, out, run),
        undefinedLength: item.undefinedLength,
      })));
    case 'fragments':
      // Only Pixel Data is encapsulated, and the profile keeps it; anything else is not kept half-way.
      return action === 'keep' ? element : undefined;
    case 'bytes':
      return rewriteValue(source, element, vr, action, run);
  }
}

/**
 * A sequence with new items, encoded as before (SQ or UN). Whatever the action (keep, dummy, clean,
 * replaceUid), the items are de-identified one by one: a sequence is never kept unexamined.
 */
function withItems(element: SequenceElement, items: SequenceElement['items']): SequenceElement {
  return sequenceElement(element.tag, items, element.undefinedLength, element.vr);
}
