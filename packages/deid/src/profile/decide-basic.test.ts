import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lookupTag, type VR } from '@cxrlab/dicom';
import { codeAction, decideBasic } from './decide-basic.js';
import type { BasicProfileOptions } from './profile-options.js';
import { DeidOptionsError } from './validate-options.js';

const none: BasicProfileOptions = {};
const d = (tag: number, vr: VR, options: BasicProfileOptions = none) => decideBasic(tag, vr, options);

describe('decideBasic: basic codes', () => {
  it('X removes (Study Description)', () => assert.equal(d(0x00081030, 'LO'), 'remove'));
  it('Z empties (Accession Number, Patient\'s Name)', () => {
    assert.equal(d(0x00080050, 'SH'), 'empty');
    assert.equal(d(0x00100010, 'PN'), 'empty');
  });
  it('D gives a dummy (Selector AS Value)', () => assert.equal(d(0x0072005f, 'AS'), 'dummy'));
  it('U replaces UIDs (SOP Instance, Study, Series, Frame of Reference, Referenced SOP Instance)', () => {
    for (const tag of [0x00080018, 0x0020000d, 0x0020000e, 0x00200052, 0x00081155]) assert.equal(d(tag, 'UI'), 'replaceUid');
  });
  it('compound codes in a standard IOD take the least destructive valid choice', () => {
    assert.equal(d(0x00080022, 'DA'), 'empty'); // X/Z Acquisition Date
    assert.equal(d(0x00080021, 'DA'), 'dummy'); // X/D Series Date
    assert.equal(d(0x00100020, 'LO'), 'dummy'); // Z/D Patient ID
    assert.equal(d(0x00080080, 'LO'), 'dummy'); // X/Z/D Institution Name
    assert.equal(d(0x00081140, 'SQ'), 'replaceUid'); // X/Z/U* Referenced Image Sequence
  });
  it('compound codes outside a standard IOD remove', () => {
    for (const code of ['X/Z', 'X/D', 'Z/D', 'X/Z/D', 'X/Z/U*'] as const) assert.equal(codeAction(code, false), 'remove');
    assert.equal(codeAction('Z', false), 'empty');
    assert.equal(codeAction('D', false), 'dummy');
  });
  it('a U code on something that is not a UI or a sequence removes it', () => assert.equal(d(0x00080018, 'UN'), 'remove'));
});

describe('decideBasic: option columns', () => {
  it('Retain Full Dates keeps dates and times', () => {
    const o = { retainFullDates: true };
    assert.equal(d(0x00080020, 'DA', o), 'keep');
    assert.equal(d(0x00080030, 'TM', o), 'keep');
    assert.equal(d(0x0008002a, 'DT', o), 'keep');
  });
  it('Retain Modified Dates shifts DA and DT, keeps TM, and leaves other VRs to the basic code', () => {
    const o = { retainModifiedDates: true };
    assert.equal(d(0x00080020, 'DA', o), 'shiftDate');
    assert.equal(d(0x0008002a, 'DT', o), 'shiftDate');
    assert.equal(d(0x00080030, 'TM', o), 'keep');
    assert.equal(d(0x00080201, 'SH', o), 'remove'); // Timezone Offset From UTC, X
    assert.equal(d(0x00340007, 'OB', o), 'dummy'); // Frame Origin Timestamp, D
  });
  it('Clean Descriptors cleans text and sequences, not binary values', () => {
    const o = { cleanDescriptors: true };
    assert.equal(d(0x00081030, 'LO', o), 'clean');
    assert.equal(d(0x00400275, 'SQ', o), 'clean');
    assert.equal(d(0x0016004b, 'OB', o), 'remove'); // Device Setting Description: C cannot apply, X stands
  });
  it('Retain UIDs keeps UIDs and the UID sequences', () => {
    assert.equal(d(0x00080018, 'UI', { retainUids: true }), 'keep');
    assert.equal(d(0x00081140, 'SQ', { retainUids: true }), 'keep');
  });
  it('Retain Device Identity keeps device ids and cleans AE titles', () => {
    assert.equal(d(0x00181000, 'LO', { retainDeviceIdentity: true }), 'keep');
    assert.equal(d(0x00081010, 'SH', { retainDeviceIdentity: true }), 'keep');
    assert.equal(d(0x00080055, 'AE', { retainDeviceIdentity: true }), 'clean');
    assert.equal(d(0x00080055, 'AE'), 'remove');
  });
  it('Retain Patient Characteristics keeps sex, age, and cleans pre-medication', () => {
    const o = { retainPatientCharacteristics: true };
    assert.equal(d(0x00100040, 'CS', o), 'keep');
    assert.equal(d(0x00101010, 'AS', o), 'keep');
    assert.equal(d(0x00400012, 'LO', o), 'clean');
    assert.equal(d(0x00101010, 'AS'), 'remove');
  });
  it('Retain Institution Identity keeps the institution', () => {
    assert.equal(d(0x00080080, 'LO', { retainInstitutionIdentity: true }), 'keep');
  });
  it('an option without a letter in the row changes nothing', () => {
    assert.equal(d(0x00080020, 'DA', { retainUids: true, cleanDescriptors: true }), 'empty');
  });
});

describe('decideBasic: precedence and errors', () => {
  it('K wins over C when selected options disagree (Calibration Date: device K, modified dates C)', () => {
    assert.equal(d(0x0014407e, 'DA', { retainModifiedDates: true }), 'shiftDate');
    assert.equal(d(0x0014407e, 'DA', { retainModifiedDates: true, retainDeviceIdentity: true }), 'keep');
  });
  it('two C columns agree on clean (Allergies: patient characteristics and descriptors)', () => {
    assert.equal(d(0x00102110, 'LO', { retainPatientCharacteristics: true }), 'clean');
    assert.equal(d(0x00102110, 'LO', { retainPatientCharacteristics: true, cleanDescriptors: true }), 'clean');
    assert.equal(d(0x00102110, 'LO'), 'remove');
  });
  it('Retain Modified Dates with Retain Full Dates is an error', () => {
    assert.throws(() => d(0x00080020, 'DA', { retainModifiedDates: true, retainFullDates: true }), DeidOptionsError);
  });
});

describe('decideBasic: rules outside the table', () => {
  it('removes private tags, creators included, whatever the options', () => {
    const all = { retainUids: true, retainDeviceIdentity: true, retainPatientCharacteristics: true, cleanDescriptors: true };
    for (const [tag, vr] of [[0x00090010, 'LO'], [0x00091001, 'UN'], [0x00291020, 'SQ'], [0x7fe10010, 'LO']] as const) {
      assert.equal(d(tag, vr, all), 'remove');
    }
  });
  it('removes curves and overlays (table masks), and the rest of an overlay group', () => {
    assert.equal(d(0x50000010, 'US'), 'remove');
    assert.equal(d(0x501e3000, 'OW'), 'remove');
    assert.equal(d(0x60003000, 'OW'), 'remove');
    assert.equal(d(0x60024000, 'LT'), 'remove');
    assert.equal(d(0x60000010, 'US'), 'remove');
  });
  it('keeps public tags of the dictionary not in the table', () => {
    assert.equal(d(0x00080060, 'CS'), 'keep'); // Modality
    assert.equal(d(0x00180015, 'CS'), 'keep'); // Body Part Examined
    assert.equal(d(0x00280010, 'US'), 'keep');
    assert.equal(d(0x7fe00010, 'OW'), 'keep');
    assert.equal(d(0x00080016, 'UI'), 'keep'); // SOP Class UID
  });
  it('removes person names the table does not list', () => {
    assert.ok(lookupTag(0x00142006)); // Evaluator Name, PN, not in Table E.1-1
    assert.equal(d(0x00142006, 'PN'), 'remove');
    assert.equal(d(0x00142006, 'UN'), 'remove');
  });
  it('removes public tags the dictionary does not know', () => {
    assert.equal(lookupTag(0x12345678), undefined);
    assert.equal(d(0x12345678, 'LO'), 'remove');
  });
  it('removes group 0002 and group lengths', () => {
    assert.equal(d(0x00020003, 'UI', { retainUids: true }), 'remove');
    assert.equal(d(0x00080000, 'UL'), 'remove');
  });
  it('removes a sequence left as UN bytes, decides other UN by tag', () => {
    assert.equal(d(0x00081140, 'UN', { retainUids: true }), 'remove');
    assert.equal(d(0x00080060, 'UN'), 'keep');
  });
});
