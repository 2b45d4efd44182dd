// What the server shows and searches about an image, from its header alone (the pixels are not read).
import { Tags, getNumber, getStrings, readDicomFileSync, type DataSet } from '@cxrlab/dicom';
import { headerWindows, type WindowPreset } from './header-windows.js';
import { identityAttributes } from './identity-attributes.js';
import { ImageError, imageErrorFrom } from './image-error.js';

export type Photometric = 'MONOCHROME1' | 'MONOCHROME2' | (string & {});

export interface ImageHeader {
  /** Undefined when the header has none. */
  sopInstanceUid: string | undefined;
  width: number;
  height: number;
  bitsStored: number;
  photometric: Photometric;
  samplesPerPixel: number;
  transferSyntaxUid: string;
  windows: WindowPreset[];
  /** KEY_VALUE_KEYWORDS present with a value, by keyword; several values joined with a backslash, as stored. */
  keyValues: Record<string, string>;
  /** The patient-identifying attributes present with a real value (identity-attributes.ts); [] for a de-identified file. */
  identity: string[];
}

export const KEY_VALUE_KEYWORDS: readonly string[] = [
  'Modality', 'BodyPartExamined', 'ViewPosition', 'PatientSex', 'PatientAge', 'Manufacturer', 'PixelSpacing', 'RescaleSlope', 'RescaleIntercept',
];

/** Reads a file's header (stopping before Pixel Data). Throws ImageError naming the file and the reason. */
export function readImageHeader(path: string): ImageHeader {
  let file;
  try {
    file = readDicomFileSync(path, { stopBeforePixelData: true });
  } catch (error) {
    throw imageErrorFrom(error, path, 'ERR_IMAGE_HEADER', 'cannot read the header');
  }
  const ds = file.dataSet;
  const width = getNumber(ds, Tags.Columns);
  const height = getNumber(ds, Tags.Rows);
  if (!width || !height) throw new ImageError('ERR_IMAGE_HEADER', path, 'not an image: no Rows or Columns');
  return {
    sopInstanceUid: text(ds, 'SOPInstanceUID'),
    width,
    height,
    bitsStored: getNumber(ds, Tags.BitsStored) ?? getNumber(ds, Tags.BitsAllocated) ?? 0,
    photometric: text(ds, 'PhotometricInterpretation') ?? '',
    samplesPerPixel: getNumber(ds, Tags.SamplesPerPixel) ?? 1,
    transferSyntaxUid: file.transferSyntax.uid,
    windows: headerWindows(ds),
    keyValues: keyValues(ds),
    identity: identityAttributes(ds),
  };
}

function text(ds: DataSet, keyword: string): string | undefined {
  const value = getStrings(ds, keyword).map((v) => v.trim()).join('\\');
  return value.replace(/\\/g, '') === '' ? undefined : value;
}

function keyValues(ds: DataSet): Record<string, string> {
  const out: Record<string, string> = {};
  for (const keyword of KEY_VALUE_KEYWORDS) {
    const value = text(ds, keyword);
    if (value !== undefined) out[keyword] = value;
  }
  return out;
}
