// Which patient-identifying attributes a header still carries with a real value (not empty, not a dummy).
import { getStrings, toTag, type DataSet } from '@cxrlab/dicom';

/** The attributes looked at, by keyword (top level of the data set). */
export const IDENTITY_KEYWORDS: readonly string[] = [
  'PatientName',
  'PatientID',
  'PatientBirthDate',
  'OtherPatientIDs',
  'OtherPatientNames',
  'PatientAddress',
  'PatientTelephoneNumbers',
  'InstitutionName',
  'InstitutionAddress',
  'ReferringPhysicianName',
  'AccessionNumber',
];

/**
 * The dummy values de-identification writes (@cxrlab/deid's DUMMY_TEXT: text, DA, DT, TM, AS, IS/DS), compared
 * without case ("Anonymized" is as empty as "ANONYMIZED").
 */
export const DUMMY_VALUES: ReadonlySet<string> = new Set(['ANONYMIZED', '19000101', '19000101000000', '000000', '000Y', '0']);

const tags = new Map(IDENTITY_KEYWORDS.map((k) => [k, toTag(k)]));

/**
 * Whether one value says something: not empty or blank (person-name separators ^ and = count as blank),
 * not a dummy (DUMMY_VALUES), and not only X's and zeros ("XXXXXX", "0000", "XXX^XXX").
 */
export function isMeaningfulValue(value: string): boolean {
  const text = value.replace(/[\s^=\0]+/g, '');
  if (text === '') return false;
  if (DUMMY_VALUES.has(text.toUpperCase())) return false;
  return !/^[xX0]+$/.test(text);
}

/** The IDENTITY_KEYWORDS present with at least one meaningful value, in IDENTITY_KEYWORDS order. */
export function identityAttributes(ds: DataSet): string[] {
  return IDENTITY_KEYWORDS.filter((keyword) => getStrings(ds, tags.get(keyword)!).some(isMeaningfulValue));
}
