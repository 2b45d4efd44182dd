// Kaggle submission files: image_id,PredictionString with groups of `class conf x_min y_min x_max y_max`.
import type { Detection } from '../model/annotations.js';
import { classIdOf, type LabelSchema } from '../schema/label-schema.js';
import { readCsvTable, type CsvRecord } from '../csv/read-csv.js';
import { writeCsv } from '../csv/write-csv.js';
import { formatPlain, parseDecimal } from '../csv/numbers.js';
import type { FormatReadOptions } from './cells.js';

export const SUBMISSION_COLUMNS: readonly string[] = ['image_id', 'PredictionString'];
const GROUP = ['class', 'conf', 'x_min', 'y_min', 'x_max', 'y_max'] as const;

export interface WriteSubmissionOptions {
  /** Every image to list, in this order (images with detections but not listed follow); default: the detections' images. */
  imageIds?: Iterable<string>;
  /** Write `14 1 0 0 1 1` (the schema's No finding class) for an image without detections, else an empty string; default true. */
  noFindingForEmpty?: boolean;
}

/**
 * Reads a submission into detections, image by image in file order (an empty PredictionString gives
 * none). Errors name the line, the PredictionString column and the group (1-based): a group not of
 * 6 values, a value that is not a number, a class id not in the schema, x_max < x_min or y_max < y_min.
 */
export function readSubmission(text: string, schema: LabelSchema, options: FormatReadOptions = {}): Detection[] {
  const table = readCsvTable(text, { file: options.file, required: SUBMISSION_COLUMNS });
  const out: Detection[] = [];
  for (const record of table) {
    const imageId = record.text('image_id');
    const cell = record.get('PredictionString').trim();
    const tokens = cell === '' ? [] : cell.split(/\s+/);
    for (let g = 0; g * 6 < tokens.length; g++) out.push(parseGroup(record, schema, imageId, tokens.slice(g * 6, g * 6 + 6), g + 1));
  }
  return out;
}

function parseGroup(record: CsvRecord, schema: LabelSchema, imageId: string, tokens: string[], group: number): Detection {
  const fail = (reason: string) => record.error('PredictionString', `PredictionString group ${group}: ${reason}`);
  if (tokens.length !== 6) throw fail(`expected 6 values (class conf x_min y_min x_max y_max), found ${tokens.length}`);
  const [classId = 0, confidence = 0, xMin = 0, yMin = 0, xMax = 0, yMax = 0] = tokens.map((token, i) => {
    const n = parseDecimal(token);
    if (n === undefined) throw fail(`${GROUP[i]} ${JSON.stringify(token)} is not a number`);
    return n;
  });
  if (!Number.isInteger(classId) || classId < 0 || classId >= schema.classIds.length) {
    throw fail(`class id ${tokens[0]} is not in the ${schema.name} schema (0-${schema.classIds.length - 1})`);
  }
  if (xMax < xMin) throw fail(`x_max ${xMax} is less than x_min ${xMin}`);
  if (yMax < yMin) throw fail(`y_max ${yMax} is less than y_min ${yMin}`);
  return { imageId, classId, confidence, box: { xMin, yMin, xMax, yMax } };
}

/** Writes a submission: one row per image, its detections in the order given, numbers as JavaScript prints them. */
export function writeSubmission(detections: Iterable<Detection>, schema: LabelSchema, options: WriteSubmissionOptions = {}): string {
  const byImage = new Map<string, string[]>();
  for (const id of options.imageIds ?? []) byImage.set(id, []);
  for (const d of detections) {
    const { xMin, yMin, xMax, yMax } = d.box;
    const group = [d.classId, d.confidence, xMin, yMin, xMax, yMax].map(formatPlain).join(' ');
    const groups = byImage.get(d.imageId);
    if (groups === undefined) byImage.set(d.imageId, [group]);
    else groups.push(group);
  }
  let empty = '';
  if (options.noFindingForEmpty ?? true) {
    const id = schema.noFinding === undefined ? undefined : classIdOf(schema, schema.noFinding);
    if (id === undefined) throw new Error(`writeSubmission: the ${schema.name} schema has no No finding class id; pass noFindingForEmpty: false`);
    empty = `${id} 1 0 0 1 1`;
  }
  return writeCsv(SUBMISSION_COLUMNS, [...byImage].map(([id, groups]) => [id, groups.length === 0 ? empty : groups.join(' ')]));
}
