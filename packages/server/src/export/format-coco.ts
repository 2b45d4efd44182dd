// coco: one COCO detection JSON: every finished image (size from the images table, file name
// <image_id>.dicom), the schema's local labels as categories, each box with its reader's pseudonym.
import { toCoco, type Annotation } from '@cxrlab/dataset';
import type { ExportData } from './export-data.js';
import type { ExportFile } from './export-file.js';
import { toAnnotations } from './export-records.js';
import { imageSizes } from './image-sizes.js';

export function cocoFiles(data: ExportData): ExportFile[] {
  const coco = toCoco(withEveryImage(data), imageSizes(data.images), data.schema, { fileName: (id) => `${id}.dicom` });
  return [{ name: 'coco.json', content: `${JSON.stringify(coco)}\n` }];
}

/**
 * The records' annotations, after one box-less entry per finished image in image order: the COCO and
 * YOLO writers list every image an annotation names, so images with no box are listed too.
 */
export function withEveryImage(data: ExportData): Annotation[] {
  return [...data.images.map((image): Annotation => ({ imageId: image.imageId, className: '' })), ...toAnnotations(data.records, data.schema)];
}
