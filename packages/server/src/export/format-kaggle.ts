// kaggle: the VinBigData challenge's train.csv: one row per box of every read with the reader's
// pseudonym as rad_id, No finding as class 14 without a box; labels without a class id are left out.
import { classIdOf, writeKaggleTrain } from '@cxrlab/dataset';
import { badRequest } from '../http/api-error.js';
import type { ExportData } from './export-data.js';
import type { ExportFile } from './export-file.js';
import { toAnnotations } from './export-records.js';

export function kaggleFiles(data: ExportData, leftOut: Record<string, number>): ExportFile[] {
  if (data.kind !== 'reads') throw badRequest(`the kaggle train.csv layout holds independent reads; project ${data.project.key} is a consensus project (export vindr, coco, yolo or json)`, 'body.format');
  const kept = toAnnotations(data.records, data.schema).filter((a) => {
    if (classIdOf(data.schema, a.className) !== undefined) return true;
    leftOut[a.className] = (leftOut[a.className] ?? 0) + 1;
    return false;
  });
  return [{ name: 'train.csv', content: writeKaggleTrain(kept, data.schema) }];
}
