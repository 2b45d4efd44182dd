// A dataset's labels as data: which are local (drawn as boxes) and which global (image-level), the
// column order of the image-level label files, and the Kaggle class ids. VinDr-CXR's is one schema
// (vindr-cxr.ts); a project can define its own with the same shape.

export interface LabelDefinition {
  /** The name as the published files spell it, e.g. "Nodule/Mass". */
  name: string;
  /** local: marked with boxes; global: a diagnosis for the whole image. */
  kind: 'local' | 'global';
  /** What readers were told the label means. */
  definition: string;
  /** Other spellings accepted when reading (e.g. "Other disease" for "Other diseases"). */
  aliases?: string[];
}

export interface LabelSchema {
  name: string;
  /** Every label, in the order of the image-level label files' columns (after image_id, rad_id). */
  labels: LabelDefinition[];
  /** The label that means "nothing found" (it excludes boxes), if the schema has one. */
  noFinding?: string;
  /** Kaggle-style class ids: index = class id, value = label name. */
  classIds: string[];
}

/** The label named `name` (or one of its aliases), case-sensitive as published; undefined if none. */
export function findLabel(schema: LabelSchema, name: string): LabelDefinition | undefined {
  return schema.labels.find((l) => l.name === name || l.aliases?.includes(name));
}

/** The class id of a label name, or undefined when the schema gives it none. */
export function classIdOf(schema: LabelSchema, name: string): number | undefined {
  const label = findLabel(schema, name);
  if (label === undefined) return undefined;
  const id = schema.classIds.indexOf(label.name);
  return id < 0 ? undefined : id;
}

/** The label name of a class id, or undefined. */
export function classNameOf(schema: LabelSchema, id: number): string | undefined {
  return Number.isInteger(id) ? schema.classIds[id] : undefined;
}

export const localLabels = (schema: LabelSchema): LabelDefinition[] => schema.labels.filter((l) => l.kind === 'local');
export const globalLabels = (schema: LabelSchema): LabelDefinition[] => schema.labels.filter((l) => l.kind === 'global');
