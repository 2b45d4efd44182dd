// Kaggle's train.csv (VinBigData challenge): PhysioNet's training boxes with a class_id column, No finding as class 14 without a box.
import type { Annotation } from '../model/annotations.js';
import { classIdOf, type LabelSchema } from '../schema/label-schema.js';
import { readCsvTable } from '../csv/read-csv.js';
import { writeCsv } from '../csv/write-csv.js';
import { formatDecimal } from '../csv/numbers.js';
import { BOX_COLUMNS, boxCells, boxFields, labelCell, labelLookup, type FormatReadOptions } from './cells.js';

export const KAGGLE_TRAIN_COLUMNS: readonly string[] = ['image_id', 'class_name', 'class_id', 'rad_id', ...BOX_COLUMNS];

export interface WriteKaggleTrainOptions {
  /** How coordinates are written; default formatDecimal (`691.0`, as the published file). */
  formatNumber?: (n: number) => string;
}

/**
 * Reads Kaggle's train.csv. Columns are found by name; class_name must be a schema label with a
 * class id, and class_id must be that id; boxes are checked as in the PhysioNet files.
 */
export function readKaggleTrain(text: string, schema: LabelSchema, options: FormatReadOptions = {}): Annotation[] {
  const table = readCsvTable(text, { file: options.file, required: KAGGLE_TRAIN_COLUMNS });
  const lookup = labelLookup(schema);
  const out: Annotation[] = [];
  for (const record of table) {
    const className = labelCell(record, 'class_name', lookup, schema);
    const expected = classIdOf(schema, className);
    if (expected === undefined) throw record.error('class_name', `class_name "${className}" has no class id in the ${schema.name} schema`);
    const classId = record.number('class_id');
    if (classId !== expected) throw record.error('class_id', `class_id ${record.get('class_id')} does not match class_name "${className}" (class id ${expected})`);
    const annotation: Annotation = { imageId: record.text('image_id'), radId: record.text('rad_id'), className };
    const box = boxCells(record);
    if (box !== undefined) annotation.box = box;
    out.push(annotation);
  }
  return out;
}

/** Writes Kaggle's train.csv layout; throws for an annotation whose label has no class id (filter those first). */
export function writeKaggleTrain(annotations: Iterable<Annotation>, schema: LabelSchema, options: WriteKaggleTrainOptions = {}): string {
  const format = options.formatNumber ?? formatDecimal;
  const rows = function* (): Generator<string[]> {
    for (const a of annotations) {
      const classId = classIdOf(schema, a.className);
      if (classId === undefined) throw new Error(`writeKaggleTrain: "${a.className}" (image ${a.imageId}) has no class id in the ${schema.name} schema`);
      yield [a.imageId, a.className, String(classId), a.radId ?? '', ...boxFields(a.box, format)];
    }
  };
  return writeCsv(KAGGLE_TRAIN_COLUMNS, rows());
}
