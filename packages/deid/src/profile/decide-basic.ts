import { dictionaryVR, isPrivateTag, lookupTag, tagElement, tagGroup, type VR } from '@cxrlab/dicom';
import type { BasicCode } from './basic-table.generated.js';
import type { BasicAction } from './basic-action.js';
import { basicRule, type BasicRule, type OptionColumn } from './basic-rule.js';
import type { BasicProfileOptions } from './profile-options.js';
import { validateBasicOptions } from './validate-options.js';

/** The option column each supported option switches on. Clean Graphics, Clean Structured Content and Retain Safe Private are not offered. */
const OPTION_COLUMN: readonly (readonly [keyof BasicProfileOptions, OptionColumn])[] = [
  ['retainFullDates', 'rtnLongFullDatesOpt'],
  ['retainModifiedDates', 'rtnLongModifDatesOpt'],
  ['cleanDescriptors', 'cleanDescOpt'],
  ['retainUids', 'rtnUIDsOpt'],
  ['retainDeviceIdentity', 'rtnDevIdOpt'],
  ['retainPatientCharacteristics', 'rtnPatCharsOpt'],
  ['retainInstitutionIdentity', 'rtnInstIdOpt'],
];

/** VRs whose value cleanText can work on: free text, and sequences (cleaned item by item). */
const CLEANABLE = new Set<VR>(['AE', 'CS', 'LO', 'LT', 'SH', 'ST', 'UC', 'UT', 'SQ']);

/**
 * The Basic Profile's action for an element, given the VR its value is read with (UN only when the value
 * cannot be interpreted). Pure; the rules, in order:
 * 1. private tags (odd groups, creators included) are removed; so is anything of group 0002 (the file
 *    meta is rebuilt by the writer) and group lengths (gggg,0000), which a changed group would make wrong;
 * 2. whole overlay groups (60xx,xxxx) are removed: the table removes Overlay Data and Comments, and the
 *    rest of an overlay plane without its data is an invalid module;
 * 3. a sequence left as UN bytes (dictionary VR SQ, VR UN) is removed, since it cannot be inspected;
 * 4. a tag of Table E.1-1 (curves (50xx,xxxx) by the table's mask): an option column wins when its option
 *    is set (K over C), otherwise the basic code, compound codes resolved by the "in a standard composite
 *    IOD" column;
 * 5. other tags of the dictionary are kept, except person names (PN): a name the table does not list is
 *    still a name, so it is removed;
 * 6. public tags the dictionary does not know are removed: nobody can say what they hold.
 * Throws DeidOptionsError for contradictory options.
 */
export function decideBasic(tag: number, vr: VR, options: BasicProfileOptions): BasicAction {
  validateBasicOptions(options);
  const group = tagGroup(tag);
  if (isPrivateTag(tag) || group === 0x0002 || tagElement(tag) === 0) return 'remove';
  if ((group & 0xff00) === 0x6000) return 'remove';
  if (vr === 'UN' && dictionaryVR(tag) === 'SQ') return 'remove';
  const rule = basicRule(tag);
  if (rule) return optionAction(rule, vr, options) ?? fitVR(codeAction(rule.basic, rule.inStandardIod), vr);
  const entry = lookupTag(tag);
  if (!entry) return 'remove';
  return vr === 'PN' || entry.vr === 'PN' ? 'remove' : 'keep';
}

/**
 * The action of the selected options' columns, if any: K (keep) wins over C. C is `shiftDate` for DA/DT
 * in the Modified Dates column, `keep` for TM there (the shift is whole days), and `clean` in the other
 * columns; where C cannot apply to the VR (a binary timestamp, a time zone offset) the basic code decides.
 */
function optionAction(rule: BasicRule, vr: VR, options: BasicProfileOptions): BasicAction | undefined {
  let keep = false;
  let clean = false;
  let date: BasicAction | undefined;
  for (const [option, column] of OPTION_COLUMN) {
    const letter = options[option] ? rule.options[column] : undefined;
    if (letter === 'K') keep = true;
    else if (letter === 'C' && column === 'rtnLongModifDatesOpt') date = vr === 'DA' || vr === 'DT' ? 'shiftDate' : vr === 'TM' ? 'keep' : date;
    else if (letter === 'C' && CLEANABLE.has(vr)) clean = true;
  }
  if (keep) return 'keep';
  return date ?? (clean ? 'clean' : undefined);
}

/**
 * A basic code as an action. Compound codes in a standard composite IOD take the least destructive choice
 * that keeps the IOD valid whatever the attribute's type there (X/Z -> empty, X/D, Z/D, X/Z/D -> dummy,
 * X/Z/U* -> replaceUid); outside one nothing requires the attribute, so it is removed.
 */
export function codeAction(code: BasicCode, inStandardIod: boolean): BasicAction {
  switch (code) {
    case 'X': return 'remove';
    case 'Z': return 'empty';
    case 'D': return 'dummy';
    case 'U': return 'replaceUid';
    case 'X/Z': return inStandardIod ? 'empty' : 'remove';
    case 'X/D': case 'Z/D': case 'X/Z/D': return inStandardIod ? 'dummy' : 'remove';
    case 'X/Z/U*': return inStandardIod ? 'replaceUid' : 'remove';
  }
}

/** UIDs can only be replaced in UI values (and inside sequences); anything else holding a U code goes. */
function fitVR(action: BasicAction, vr: VR): BasicAction {
  return action === 'replaceUid' && vr !== 'UI' && vr !== 'SQ' ? 'remove' : action;
}
