import { elementStrings, elementText, type BytesElement, type DataSet, type Element, type VR } from '@cxrlab/dicom';
import type { BasicProfileOptions } from './profile-options.js';
import { decideBasic } from './decide-basic.js';
import { decisionVR } from './decision-vr.js';
import { DUMMY_TEXT } from './dummy-value.js';
import { finding, type Finding } from './finding.js';

const NAME_OR_DATE = new Set<VR>(['PN', 'DA', 'DT', 'TM']);
/** What replacementUid makes; an original 2.25 UID passes too, which is the limit of checking values. */
const REPLACED_UID = /^2\.25\.(0|[1-9]\d*)$/;

/** The basic profile's verdict on one element (private tags are checked by the caller). */
export function checkBasicElement(ds: DataSet, element: Element, path: string, options: BasicProfileOptions): Finding | undefined {
  const vr = decisionVR(ds, element);
  const action = decideBasic(element.tag, vr, options);
  const survives = NAME_OR_DATE.has(vr) && hasValue(element);
  const report = (code: Parameters<typeof finding>[2], why: string) =>
    finding(path, element, survives ? 'name-or-date-survives' : code, survives ? `a ${vr} value survives where the profile says ${action}` : why);
  switch (action) {
    case 'remove':
      return report('removed-element', 'the basic profile removes this element');
    case 'empty':
      return hasValue(element) ? report('value-not-empty', 'the basic profile empties this element') : undefined;
    case 'dummy':
      return element.kind === 'bytes' && !isDummy(ds, element, vr) ? report('value-not-dummy', `value is not the ${vr} dummy`) : undefined;
    case 'replaceUid':
      return element.kind === 'bytes' && !uidsReplaced(ds, element)
        ? finding(path, element, 'uid-not-replaced', 'a UID that is not a replacement (2.25.) UID') : undefined;
    default:
      return undefined;
  }
}

function hasValue(element: Element): boolean {
  switch (element.kind) {
    case 'bytes': return element.value.length > 0;
    case 'sequence': return element.items.length > 0;
    case 'fragments': return true;
  }
}

function uidsReplaced(ds: DataSet, element: BytesElement): boolean {
  return elementStrings(ds, element, 'UI').every((uid) => uid === '' || REPLACED_UID.test(uid));
}

/** The VR's dummy text, a replaced UID, zeros for binary VRs; an empty value passes, as it says nothing. */
function isDummy(ds: DataSet, element: BytesElement, vr: VR): boolean {
  if (element.value.length === 0) return true;
  if (vr === 'UI') return uidsReplaced(ds, element);
  const text = DUMMY_TEXT[vr];
  return text === undefined ? element.value.every((b) => b === 0) : elementText(ds, element, vr) === text;
}
