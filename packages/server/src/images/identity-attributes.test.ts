import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataSet, bytesElement, encodeAscii, toTag, type VR } from '@cxrlab/dicom';
import { IDENTITY_KEYWORDS, identityAttributes, isMeaningfulValue } from './identity-attributes.js';

function dataSet(values: Array<[string, VR, string]>): DataSet {
  const ds = new DataSet();
  for (const [keyword, vr, text] of values) ds.set(bytesElement(toTag(keyword), vr, encodeAscii(text)));
  return ds;
}

describe('isMeaningfulValue', () => {
  it('counts real names, ids, dates and addresses', () => {
    for (const v of ['Nguyen^Van A', 'CXR00012345', '19571231', '12 Example Street', 'X1', 'ANONYMIZED2', '19000102']) {
      assert.equal(isMeaningfulValue(v), true, v);
    }
  });

  it('does not count blanks and de-identification dummies', () => {
    for (const v of ['', '   ', '^^^^', '=', 'ANONYMIZED', 'Anonymized', 'ANONYMIZED^', '19000101', '19000101000000', 'XXXXXX', 'xxx^xxx', '0000000', '0', 'X0X0']) {
      assert.equal(isMeaningfulValue(v), false, JSON.stringify(v));
    }
  });
});

describe('identityAttributes', () => {
  it('lists the identifying attributes with a real value, in IDENTITY_KEYWORDS order', () => {
    const ds = dataSet([
      ['AccessionNumber', 'SH', 'ACC0001'],
      ['PatientName', 'PN', 'Doe^Jane'],
      ['PatientID', 'LO', 'P123'],
      ['PatientBirthDate', 'DA', '19400305'],
      ['InstitutionName', 'LO', 'General Hospital'],
      ['OtherPatientIDs', 'LO', '\\H555'],
      ['PatientTelephoneNumbers', 'SH', '0123456789'],
      ['Modality', 'CS', 'CR'],
    ]);
    assert.deepEqual(identityAttributes(ds), ['PatientName', 'PatientID', 'PatientBirthDate', 'OtherPatientIDs', 'PatientTelephoneNumbers', 'InstitutionName', 'AccessionNumber']);
  });

  it('gives [] for a de-identified header: dummies, emptied values and removed attributes', () => {
    const ds = dataSet([
      ['PatientName', 'PN', 'ANONYMIZED'],
      ['PatientID', 'LO', 'XXXXXXXX'],
      ['PatientBirthDate', 'DA', '19000101'],
      ['ReferringPhysicianName', 'PN', ''],
      ['AccessionNumber', 'SH', '0000'],
      ['OtherPatientNames', 'PN', '^'],
    ]);
    assert.deepEqual(identityAttributes(ds), []);
  });

  it('looks at every keyword it names', () => {
    const ds = dataSet(IDENTITY_KEYWORDS.map((k) => [k, 'LO', 'Something Real'] as [string, VR, string]));
    assert.deepEqual(identityAttributes(ds), [...IDENTITY_KEYWORDS]);
  });
});
