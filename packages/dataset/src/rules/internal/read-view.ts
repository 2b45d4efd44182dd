// A read resolved against the schema once, for every rule to look at: each global's and each box's
// label by its canonical name (aliases resolved), which coordinates are usable, and where each
// label first occurs.
import { findLabel, type LabelSchema } from '../../schema/label-schema.js';
import type { ImageSize, Read, ReadBox } from '../read.js';

export const BOX_COORDINATES = ['xMin', 'yMin', 'xMax', 'yMax'] as const;

export interface ReadView {
  schema: LabelSchema;
  read: Read;
  image: ImageSize;
  /** Per global: the schema's name for it, or undefined when it is not a label of the schema. */
  globalNames: (string | undefined)[];
  /** Per box: its one label as written, or undefined when it has none or several. */
  boxLabels: (string | undefined)[];
  /** Per box: the schema's name for its one label, or undefined. */
  boxNames: (string | undefined)[];
  /** Per box: whether all four coordinates are finite numbers. */
  boxFinite: boolean[];
  /** Whether width and height are positive finite numbers. */
  imageValid: boolean;
  /** Schema name -> path of its first occurrence ('globals[i]' before 'boxes[i]'). */
  firstPath: Map<string, string>;
}

/** The schema's name for `name` (resolving aliases), or undefined. */
export const schemaName = (schema: LabelSchema, name: unknown): string | undefined =>
  typeof name === 'string' ? findLabel(schema, name)?.name : undefined;

/** A box's one label: a non-empty string, or an array holding exactly one; undefined otherwise. */
export function singleLabel(box: ReadBox): string | undefined {
  const label: unknown = box.label;
  const one: unknown = Array.isArray(label) ? (label.length === 1 ? label[0] : undefined) : label;
  return typeof one === 'string' && one.trim() !== '' ? one : undefined;
}

/** 'Box 3 (Nodule/Mass)': 1-based as readers count, with what its label says. */
export function boxName(view: ReadView, index: number): string {
  const box = view.read.boxes[index];
  const label: unknown = box?.label;
  const text = view.boxLabels[index] ?? (Array.isArray(label) && label.length > 1 ? label.map(String).join(', ') : 'no label');
  return `Box ${index + 1} (${text})`;
}

const positiveFinite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n > 0;

export function readView(schema: LabelSchema, read: Read, image: ImageSize): ReadView {
  const globalNames = read.globals.map((g) => schemaName(schema, g));
  const boxLabels = read.boxes.map(singleLabel);
  const boxNames = boxLabels.map((l) => schemaName(schema, l));
  const boxFinite = read.boxes.map((b) => BOX_COORDINATES.every((k) => typeof b[k] === 'number' && Number.isFinite(b[k])));
  const firstPath = new Map<string, string>();
  globalNames.forEach((n, i) => { if (n !== undefined && !firstPath.has(n)) firstPath.set(n, `globals[${i}]`); });
  boxNames.forEach((n, i) => { if (n !== undefined && !firstPath.has(n)) firstPath.set(n, `boxes[${i}]`); });
  const imageValid = positiveFinite(image.width) && positiveFinite(image.height);
  return { schema, read, image, globalNames, boxLabels, boxNames, boxFinite, imageValid, firstPath };
}
