import { Tags, type FragmentsElement } from '@cxrlab/dicom';

/**
 * Encapsulated Pixel Data (PS3.5 A.4) with one fragment per frame: a Basic Offset Table giving
 * each frame's offset, and each fragment padded with a trailing zero to even length.
 */
export function encapsulateFrames(frames: readonly Uint8Array[]): FragmentsElement {
  const fragments = frames.map(evenLength);
  const offsetTable = new Uint8Array(4 * fragments.length);
  const view = new DataView(offsetTable.buffer);
  let offset = 0;
  fragments.forEach((fragment, i) => {
    view.setUint32(4 * i, offset, true);
    offset += 8 + fragment.length;
  });
  return { kind: 'fragments', tag: Tags.PixelData, vr: 'OB', offsetTable, fragments };
}

/** The bytes, with a trailing zero when their length is odd (DICOM values have even lengths). */
export function evenLength(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 2 === 0) return bytes;
  const padded = new Uint8Array(bytes.length + 1);
  padded.set(bytes);
  return padded;
}
