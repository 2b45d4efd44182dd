import { encodeAscii, paddingByte, type VR } from '@cxrlab/dicom';

/**
 * The dummy text of each text VR (action D): valid for the VR, within its maximum length, and saying
 * nothing. "ANONYMIZED" is 10 characters, within the 16 of AE, CS and SH. UI has none here: a dummy UID
 * is the original's replacementUid, so references stay consistent.
 */
export const DUMMY_TEXT: Partial<Readonly<Record<VR, string>>> = {
  AE: 'ANONYMIZED', CS: 'ANONYMIZED', LO: 'ANONYMIZED', LT: 'ANONYMIZED', PN: 'ANONYMIZED', SH: 'ANONYMIZED',
  ST: 'ANONYMIZED', UC: 'ANONYMIZED', UR: 'ANONYMIZED', UT: 'ANONYMIZED',
  DA: '19000101', TM: '000000', DT: '19000101000000', AS: '000Y', IS: '0', DS: '0',
};

/**
 * The dummy value of a VR: the encoded DUMMY_TEXT for text VRs; zeros of the original length for binary
 * and numeric VRs (OB, OW, UN, US, FL, AT, ...), so value multiplicity and frame sizes stay as they were.
 * Undefined for UI and SQ, which the caller handles (replacement UIDs, recursion).
 */
export function dummyValue(vr: VR, originalLength: number): Uint8Array | undefined {
  if (vr === 'UI' || vr === 'SQ') return undefined;
  const text = DUMMY_TEXT[vr];
  return text === undefined ? new Uint8Array(originalLength) : encodeAscii(text, paddingByte(vr));
}
