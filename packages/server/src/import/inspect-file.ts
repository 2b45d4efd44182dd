// One file's header read and judged for import: its image id, or why it is refused (it still
// identifies the patient, it is not grayscale, it has no id) or why it failed (unreadable, not DICOM).
// The pixels are never read.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ImageError, readImageHeader, type ImageHeader } from '../images/index.js';
import { imageIdOf } from './image-id-of.js';
import type { ImportSource } from './import-sources.js';

export type RefusalCode = 'identified' | 'not-grayscale' | 'no-image-id' | 'conflict';

export type Inspection =
  | { status: 'ok'; source: ImportSource; size: number; imageId: string; header: ImageHeader }
  | { status: 'refused'; source: ImportSource; code: RefusalCode; reason: string; attributes?: string[] }
  | { status: 'failed'; source: ImportSource; reason: string };

const GRAYSCALE = new Set(['MONOCHROME1', 'MONOCHROME2']);

export function identifiedReason(attributes: readonly string[]): string {
  return `still identifies the patient: ${attributes.join(', ')}; de-identify it first (cxrlab deid) or pass --allow-identified`;
}

export function inspectFile(source: ImportSource, allowIdentified: boolean): Inspection {
  let header: ImageHeader;
  let size: number;
  try {
    const stat = statSync(source.path);
    if (!stat.isFile()) return { status: 'failed', source, reason: 'not a regular file' };
    size = stat.size;
    header = readImageHeader(source.path);
  } catch (error) {
    const reason = error instanceof ImageError ? error.reason : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { status: 'failed', source, reason };
  }
  if (!GRAYSCALE.has(header.photometric) || header.samplesPerPixel !== 1) {
    const what = `PhotometricInterpretation ${header.photometric || '(none)'}, ${header.samplesPerPixel} samples per pixel`;
    return { status: 'refused', source, code: 'not-grayscale', reason: `not a grayscale image (${what}); only MONOCHROME1 and MONOCHROME2 radiographs are labelled` };
  }
  if (header.identity.length > 0 && !allowIdentified) {
    return { status: 'refused', source, code: 'identified', reason: identifiedReason(header.identity), attributes: [...header.identity] };
  }
  const imageId = imageIdOf(source.name ?? basename(source.path), header.sopInstanceUid);
  if (imageId === undefined) {
    return { status: 'refused', source, code: 'no-image-id', reason: 'has no SOP Instance UID, and its file name is not an image id (32 lowercase hex digits)' };
  }
  return { status: 'ok', source, size, imageId, header };
}
