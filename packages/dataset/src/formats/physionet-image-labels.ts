// PhysioNet image_labels_train.csv / image_labels_test.csv: one reader's (or the consensus') 0/1 per label per image.
import type { ImageLabels } from '../model/annotations.js';
import { findLabel, type LabelSchema } from '../schema/label-schema.js';
import { readCsvTable } from '../csv/read-csv.js';
import { writeCsv } from '../csv/write-csv.js';
import type { FormatReadOptions, Split } from './cells.js';

/** An image-level label file as read: the records, and its label columns as spelled, in file order. */
export interface ImageLabelsFile {
  records: ImageLabels[];
  /** E.g. the test file's "Other disease": pass it back to the writer to reproduce the header. */
  labelColumns: string[];
}

export interface WriteImageLabelsOptions {
  /** train writes rad_id after image_id; test has none. */
  split: Split;
  /** The label columns as spelled, in order; default the schema's label names in schema order. */
  labelColumns?: readonly string[];
}

/**
 * Reads image_labels_train.csv or image_labels_test.csv (rad_id optional). Every label of the schema
 * must have a column (found by name or alias, in any order); other columns are errors. A cell is
 * 0, 1 or empty (read as 0).
 */
export function readPhysionetImageLabels(text: string, schema: LabelSchema, options: FormatReadOptions = {}): ImageLabelsFile {
  const names = schema.labels.map((l) => l.name);
  const table = readCsvTable(text, {
    file: options.file,
    required: ['image_id', ...names],
    optional: ['rad_id'],
    columnName: (cell) => findLabel(schema, cell)?.name ?? cell,
    strict: true,
  });
  const hasRadId = table.indexOf('rad_id') !== undefined;
  const indices = names.map((name) => table.indexOf(name) ?? -1);
  const records: ImageLabels[] = [];
  // every record's labels copied from one template with all the keys, so that V8 gives them all one
  // fast shape (28 keys added one at a time make a slow dictionary object)
  const template: Record<string, 0 | 1> = Object.fromEntries(names.map((name) => [name, 0]));
  for (const record of table) {
    const labels = { ...template };
    for (let k = 0; k < names.length; k++) {
      const cell = record.fields[indices[k] ?? -1];
      if (cell === '1') labels[names[k]!] = 1;
      else if (cell !== '0' && cell !== '') throw record.error(names[k]!, `${names[k]}: ${JSON.stringify(cell)} is not 0, 1 or empty`);
    }
    const row: ImageLabels = { imageId: record.text('image_id'), labels };
    if (hasRadId) row.radId = record.text('rad_id');
    records.push(row);
  }
  const labelColumns = table.header.filter((cell) => findLabel(schema, cell) !== undefined);
  return { records, labelColumns };
}

/** Writes image-level labels in the published layout of `split`; a label a record lacks is written 0. */
export function writePhysionetImageLabels(records: Iterable<ImageLabels>, schema: LabelSchema, options: WriteImageLabelsOptions): string {
  const columns = options.labelColumns ?? schema.labels.map((l) => l.name);
  const names = columns.map((column) => {
    const label = findLabel(schema, column);
    if (label === undefined) throw new Error(`writePhysionetImageLabels: "${column}" is not a label of the ${schema.name} schema`);
    return label.name;
  });
  const train = options.split === 'train';
  const rows = function* (): Generator<string[]> {
    for (const r of records) {
      const values = names.map((name) => (r.labels[name] === 1 ? '1' : '0'));
      yield train ? [r.imageId, r.radId ?? '', ...values] : [r.imageId, ...values];
    }
  };
  return writeCsv(['image_id', ...(train ? ['rad_id'] : []), ...columns], rows());
}
