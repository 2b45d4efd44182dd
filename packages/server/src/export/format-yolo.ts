// yolo: labels/<image_id>.txt for every finished image ("class cx cy w h", normalised), classes.txt,
// and data.yaml with the class names (no paths: the images are not part of the export).
import { toYolo, yoloClassesTxt, yoloNamesYaml } from '@cxrlab/dataset';
import { conflict } from '../http/api-error.js';
import type { ExportData } from './export-data.js';
import type { ExportFile } from './export-file.js';
import { withEveryImage } from './format-coco.js';
import { imageSizes } from './image-sizes.js';

const SAFE_FILE_STEM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function yoloFiles(data: ExportData, leftOut: Record<string, number>): ExportFile[] {
  const yolo = toYolo(withEveryImage(data), imageSizes(data.images), data.schema);
  Object.assign(leftOut, yolo.skipped);
  const files: ExportFile[] = [];
  for (const [imageId, text] of yolo.files) {
    if (!SAFE_FILE_STEM.test(imageId)) throw conflict(`image id ${JSON.stringify(imageId)} cannot name a label file`);
    files.push({ name: `labels/${imageId}.txt`, content: text });
  }
  files.push({ name: 'classes.txt', content: yoloClassesTxt(data.schema) });
  files.push({ name: 'data.yaml', content: `nc: ${data.schema.classIds.length}\n${yoloNamesYaml(data.schema)}` });
  return files;
}
