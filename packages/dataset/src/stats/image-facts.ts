// Per-image facts for Table 2 from a DICOM header: size in pixels, patient age and sex, file bytes.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { getNumber, getString, parseAgeString, readDicomFileSync } from '@cxrlab/dicom';

export interface ImageFacts {
  imageId: string;
  rows: number;
  columns: number;
  /** Years (PatientAge); undefined when the header has none or it does not parse. */
  age?: number;
  /** PatientSex as written (M, F, O), trimmed; undefined when absent or empty. */
  sex?: string;
  /** The file's size in bytes. */
  bytes: number;
}

/**
 * Reads the header of the DICOM file at `path` (stopping before the pixel data) and its size. The
 * image id defaults to the file name without a .dicom/.dcm extension (VinDr names files by image id).
 * Throws when the file cannot be read or has no Rows/Columns.
 */
export function imageFacts(path: string, imageId: string = basename(path).replace(/\.(dicom|dcm)$/i, '')): ImageFacts {
  const { dataSet } = readDicomFileSync(path, { stopBeforePixelData: true });
  const rows = getNumber(dataSet, 'Rows');
  const columns = getNumber(dataSet, 'Columns');
  if (rows === undefined || columns === undefined) throw new Error(`${path}: no Rows/Columns in the DICOM header`);
  const facts: ImageFacts = { imageId, rows, columns, bytes: statSync(path).size };
  const age = parseAgeString(getString(dataSet, 'PatientAge'));
  if (age !== undefined) facts.age = age;
  const sex = getString(dataSet, 'PatientSex')?.trim();
  if (sex) facts.sex = sex;
  return facts;
}
