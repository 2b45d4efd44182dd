import { bytesElement, DataSet, encodeAscii, sequenceElement } from '@cxrlab/dicom';
import type { BasicProfileOptions } from './profile-options.js';

/** DCM codes of CID 7050 De-identification Method, for the profile and each option offered. */
export const DEID_METHOD_CODES = {
  basic: ['113100', 'Basic Application Confidentiality Profile'],
  cleanPixelData: ['113101', 'Clean Pixel Data Option'],
  cleanDescriptors: ['113105', 'Clean Descriptors Option'],
  retainFullDates: ['113106', 'Retain Longitudinal Temporal Information Full Dates Option'],
  retainModifiedDates: ['113107', 'Retain Longitudinal Temporal Information Modified Dates Option'],
  retainPatientCharacteristics: ['113108', 'Retain Patient Characteristics Option'],
  retainDeviceIdentity: ['113109', 'Retain Device Identity Option'],
  retainUids: ['113110', 'Retain UIDs Option'],
  retainInstitutionIdentity: ['113112', 'Retain Institution Identity Option'],
} as const satisfies Record<'basic' | 'cleanPixelData' | keyof BasicProfileOptions, readonly [string, string]>;

export const PATIENT_IDENTITY_REMOVED = 0x00120062;
export const DEID_METHOD = 0x00120063;
export const DEID_METHOD_CODE_SEQUENCE = 0x00120064;
export const LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;

/**
 * The profile's code and meaning, then those of the options set; Clean Pixel Data when the pixels were
 * searched for burned-in text (and what was found removed).
 */
export function deidMethodCodes(options: BasicProfileOptions, cleanPixelData = false): (readonly [string, string])[] {
  const codes: (readonly [string, string])[] = [DEID_METHOD_CODES.basic];
  if (cleanPixelData) codes.push(DEID_METHOD_CODES.cleanPixelData);
  for (const [option, code] of Object.entries(DEID_METHOD_CODES)) {
    if (option !== 'basic' && option !== 'cleanPixelData' && options[option as keyof BasicProfileOptions]) codes.push(code);
  }
  return codes;
}

/**
 * Records what was done (PS3.15 E.1.1): Patient Identity Removed = YES, De-identification Method (one LO
 * value per code meaning, each within 64 characters), De-identification Method Code Sequence, and
 * Longitudinal Temporal Information Modified: MODIFIED (dates shifted), UNMODIFIED (full dates kept) or
 * REMOVED. Replaces whatever the source held there.
 */
export function addDeidMethod(out: DataSet, options: BasicProfileOptions, cleanPixelData = false): void {
  const codes = deidMethodCodes(options, cleanPixelData);
  out.set(bytesElement(PATIENT_IDENTITY_REMOVED, 'CS', encodeAscii('YES')));
  out.set(bytesElement(DEID_METHOD, 'LO', encodeAscii(codes.map(([, meaning], i) => (i === 0 ? `cxrlab: ${meaning}` : meaning)).join('\\'))));
  out.set(sequenceElement(DEID_METHOD_CODE_SEQUENCE, codes.map(([value, meaning]) => {
    const item = new DataSet(out);
    item.set(bytesElement(0x00080100, 'SH', encodeAscii(value)));
    item.set(bytesElement(0x00080102, 'SH', encodeAscii('DCM')));
    item.set(bytesElement(0x00080104, 'LO', encodeAscii(meaning)));
    return { dataSet: item, undefinedLength: true };
  })));
  const temporal = options.retainModifiedDates ? 'MODIFIED' : options.retainFullDates ? 'UNMODIFIED' : 'REMOVED';
  out.set(bytesElement(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, 'CS', encodeAscii(temporal)));
}
