// Cells the annotation formats share: a label name checked against the schema, a box from four coordinate cells.
import type { Box } from '../model/annotations.js';
import { findLabel, type LabelSchema } from '../schema/label-schema.js';
import type { CsvRecord } from '../csv/read-csv.js';

export const BOX_COLUMNS = ['x_min', 'y_min', 'x_max', 'y_max'] as const;

/** Options of the format readers. */
export interface FormatReadOptions {
  /** Names the input in errors (a path or a label); default `<input>`. */
  file?: string;
}

/** A split of the PhysioNet release: train (three readers per image, rad_id) or test (the consensus). */
export type Split = 'train' | 'test';

/** A label-name lookup for one file: the schema's name for a spelling (aliases resolved), remembered per spelling. */
export function labelLookup(schema: LabelSchema): (spelling: string) => string | undefined {
  const seen = new Map<string, string | undefined>();
  return (spelling) => {
    if (seen.has(spelling)) return seen.get(spelling);
    const name = findLabel(schema, spelling)?.name;
    seen.set(spelling, name);
    return name;
  };
}

/** The schema's name for the label in a cell; throws at the cell for a name the schema lacks. */
export function labelCell(record: CsvRecord, column: string, lookup: (spelling: string) => string | undefined, schema: LabelSchema): string {
  const cell = record.get(column);
  const name = lookup(cell);
  if (name === undefined) throw record.error(column, `${column}: ${JSON.stringify(cell)} is not a label of the ${schema.name} schema`);
  return name;
}

/** The box of a row: undefined when all four coordinates are empty; else numbers with x_max >= x_min, y_max >= y_min. */
export function boxCells(record: CsvRecord): Box | undefined {
  const [x0, y0, x1, y1] = BOX_COLUMNS;
  const a = record.get(x0);
  const b = record.get(y0);
  const c = record.get(x1);
  const d = record.get(y1);
  if (a === '' || b === '' || c === '' || d === '') {
    if (a === '' && b === '' && c === '' && d === '') return undefined;
    const first = BOX_COLUMNS.find((column) => record.get(column) === '') ?? x0;
    throw record.error(first, `${first} is empty while other coordinates are set`);
  }
  const box = { xMin: record.number(x0), yMin: record.number(y0), xMax: record.number(x1), yMax: record.number(y1) };
  if (box.xMax < box.xMin) throw record.error(x1, `x_max ${box.xMax} is less than x_min ${box.xMin}`);
  if (box.yMax < box.yMin) throw record.error(y1, `y_max ${box.yMax} is less than y_min ${box.yMin}`);
  return box;
}

/** The four coordinate cells of a box (all empty without one). */
export function boxFields(box: Box | undefined, format: (n: number) => string): string[] {
  return box === undefined ? ['', '', '', ''] : [format(box.xMin), format(box.yMin), format(box.xMax), format(box.yMax)];
}
