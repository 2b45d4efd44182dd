// PhysioNet annotations_train.csv / annotations_test.csv: one finding of one reader per row, a box for local labels.
import type { Annotation } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import { readCsvTable } from '../csv/read-csv.js';
import { writeCsv } from '../csv/write-csv.js';
import { formatDecimal } from '../csv/numbers.js';
import { BOX_COLUMNS, boxCells, boxFields, labelCell, labelLookup, type FormatReadOptions, type Split } from './cells.js';

export interface WriteAnnotationsOptions {
  /** train writes rad_id after image_id; test has no rad_id column (annotations' radId is not written). */
  split: Split;
  /** How coordinates are written; default formatDecimal (pandas' float text: 691 -> `691.0`). */
  formatNumber?: (n: number) => string;
}

/** The published header of each split. */
export const ANNOTATION_COLUMNS: Record<Split, readonly string[]> = {
  train: ['image_id', 'rad_id', 'class_name', ...BOX_COLUMNS],
  test: ['image_id', 'class_name', ...BOX_COLUMNS],
};

/**
 * Reads annotations_train.csv or annotations_test.csv (rad_id is optional: absent in test). Columns
 * are found by name; class names must be in the schema (aliases read as the schema's name); a row
 * without coordinates has no box; a box needs four numbers with x_max >= x_min and y_max >= y_min.
 */
export function readPhysionetAnnotations(text: string, schema: LabelSchema, options: FormatReadOptions = {}): Annotation[] {
  const table = readCsvTable(text, { file: options.file, required: ANNOTATION_COLUMNS.test, optional: ['rad_id'] });
  const hasRadId = table.indexOf('rad_id') !== undefined;
  const lookup = labelLookup(schema);
  const out: Annotation[] = [];
  for (const record of table) {
    const annotation: Annotation = { imageId: record.text('image_id'), className: labelCell(record, 'class_name', lookup, schema) };
    if (hasRadId) annotation.radId = record.text('rad_id');
    const box = boxCells(record);
    if (box !== undefined) annotation.box = box;
    out.push(annotation);
  }
  return out;
}

/** Writes annotations in the published layout of `split`, in the order given; rows without a box get empty coordinates. */
export function writePhysionetAnnotations(annotations: Iterable<Annotation>, options: WriteAnnotationsOptions): string {
  const format = options.formatNumber ?? formatDecimal;
  const train = options.split === 'train';
  const rows = function* (): Generator<string[]> {
    for (const a of annotations) {
      const coordinates = boxFields(a.box, format);
      yield train ? [a.imageId, a.radId ?? '', a.className, ...coordinates] : [a.imageId, a.className, ...coordinates];
    }
  };
  return writeCsv(ANNOTATION_COLUMNS[options.split], rows());
}
