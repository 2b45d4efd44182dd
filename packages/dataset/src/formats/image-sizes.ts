// Image sizes by image id: from DICOM headers (Rows, Columns) or from a size table (image_id,width,height).
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getNumber, readDicomFileSync } from '@cxrlab/dicom';
import type { ImageSizes } from '../model/annotations.js';
import { readCsvTable } from '../csv/read-csv.js';
import { writeCsv } from '../csv/write-csv.js';
import type { FormatReadOptions } from './cells.js';

/** The image files' extensions read by imageSizesFromDicomFolder: `.dicom` as VinDr names them, and `.dcm`. */
export const DICOM_EXTENSIONS: readonly string[] = ['.dicom', '.dcm'];

/** A DICOM file's image size (Columns x Rows), reading the header only. */
export function imageSizeFromDicom(path: string): { width: number; height: number } {
  const { dataSet } = readDicomFileSync(path, { stopBeforePixelData: true });
  const width = getNumber(dataSet, 'Columns');
  const height = getNumber(dataSet, 'Rows');
  if (width === undefined || height === undefined) throw new Error(`${path}: no Rows or Columns: not an image`);
  return { width, height };
}

/** The size of every DICOM file in `dir` (not its subfolders), by file name without extension, in name order. */
export function imageSizesFromDicomFolder(dir: string, extensions: readonly string[] = DICOM_EXTENSIONS): ImageSizes {
  const sizes: ImageSizes = new Map();
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.includes(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) sizes.set(name.slice(0, name.length - extname(name).length), imageSizeFromDicom(join(dir, name)));
  return sizes;
}

/** Reads a size table (image_id,width,height; columns by name): positive integer sizes, each image once. */
export function readImageSizesCsv(text: string, options: FormatReadOptions = {}): ImageSizes {
  const sizes: ImageSizes = new Map();
  for (const record of readCsvTable(text, { file: options.file, required: ['image_id', 'width', 'height'] })) {
    const imageId = record.text('image_id');
    if (sizes.has(imageId)) throw record.error('image_id', `image ${imageId} is listed twice`);
    const size = (name: string) => {
      const n = record.number(name);
      if (!Number.isInteger(n) || n <= 0) throw record.error(name, `${name}: ${record.get(name)} is not a positive integer`);
      return n;
    };
    sizes.set(imageId, { width: size('width'), height: size('height') });
  }
  return sizes;
}

/** Writes a size table, images in the map's order. */
export function writeImageSizesCsv(sizes: ImageSizes): string {
  return writeCsv(['image_id', 'width', 'height'], [...sizes].map(([id, s]) => [id, String(s.width), String(s.height)]));
}
