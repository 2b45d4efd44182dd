import { characterSetsOf, encodeAscii, encodeText, paddingByte, usesCharacterSet, type DataSet, type VR } from '@cxrlab/dicom';

/**
 * A text value encoded for a VR: with the character set in force in `ds` where the VR uses one, as
 * ASCII otherwise, padded to even length with the VR's padding byte (the writer writes values as given).
 */
export function encodeValue(ds: DataSet, vr: VR, text: string): Uint8Array {
  if (!usesCharacterSet(vr)) return encodeAscii(text, paddingByte(vr));
  const bytes = encodeText(text, characterSetsOf(ds), vr === 'PN');
  if (bytes.length % 2 === 0) return bytes;
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  padded[bytes.length] = paddingByte(vr);
  return padded;
}
