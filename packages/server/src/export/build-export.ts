// An export's files, in memory: the project's finished work read once, written in one format, plus
// image_sizes.csv. No file holds a user's name or id, or a file path: readers appear as R1, R2, ...
import type { Kysely } from 'kysely';
import type { Database, Project } from '../db/database.js';
import { loadExportData, type ExportData } from './export-data.js';
import type { ExportCounts, ExportFile } from './export-file.js';
import type { ExportFormat } from './export-format.js';
import { cocoFiles } from './format-coco.js';
import { jsonFiles } from './format-json.js';
import { kaggleFiles } from './format-kaggle.js';
import { vindrFiles } from './format-vindr.js';
import { yoloFiles } from './format-yolo.js';
import { imageSizesFile } from './image-sizes.js';

export interface BuiltExport {
  /** In name order. */
  files: ExportFile[];
  counts: ExportCounts;
}

export async function buildExport(db: Kysely<Database>, project: Project, format: ExportFormat): Promise<BuiltExport> {
  return exportFiles(await loadExportData(db, project), format);
}

/** The files of `format` for data already read. */
export function exportFiles(data: ExportData, format: ExportFormat): BuiltExport {
  const counts = countsOf(data);
  const leftOut: Record<string, number> = {};
  const files = format === 'vindr' ? vindrFiles(data)
    : format === 'kaggle' ? kaggleFiles(data, leftOut)
    : format === 'coco' ? cocoFiles(data)
    : format === 'yolo' ? yoloFiles(data, leftOut)
    : jsonFiles(data, counts);
  if (Object.keys(leftOut).length > 0) counts.leftOut = leftOut;
  files.push(imageSizesFile(data.images));
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, counts };
}

function countsOf(data: ExportData): ExportCounts {
  let boxes = 0;
  let globalLabels = 0;
  const readers = new Set<string>();
  for (const r of data.records) {
    boxes += r.boxes.length;
    globalLabels += r.globals.length;
    if (r.radId !== undefined) readers.add(r.radId);
  }
  return { images: data.images.length, reads: data.kind === 'reads' ? data.records.length : 0, readers: readers.size, boxes, globalLabels, skippedUnfinished: data.skippedUnfinished };
}
