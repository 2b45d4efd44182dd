// YOLO label files: per image `class cx cy w h` normalised by the image size, class ids from the schema, and the class names list.
import { DatasetFormatError, type Annotation, type ImageSizes } from '../model/annotations.js';
import { classIdOf, classNameOf, type LabelSchema } from '../schema/label-schema.js';
import { parseDecimal } from '../csv/numbers.js';

export interface YoloExport {
  /** The text of each image's label file, by image id ('' for an image without boxes: a background image). */
  files: Map<string, string>;
  /** Boxes left out because their label has no class id in the schema, by label name. */
  skipped: Record<string, number>;
}

/**
 * Annotations as YOLO label files: one line per box, `class cx cy w h`, the centre and size divided
 * by the image's width and height, 6 decimals. Every image the annotations name gets a file.
 * Throws for an image with a box but no size.
 */
export function toYolo(annotations: Iterable<Annotation>, sizes: ImageSizes, schema: LabelSchema): YoloExport {
  const lines = new Map<string, string[]>();
  const skipped: Record<string, number> = {};
  for (const a of annotations) {
    let image = lines.get(a.imageId);
    if (image === undefined) lines.set(a.imageId, (image = []));
    if (a.box === undefined) continue;
    const classId = classIdOf(schema, a.className);
    if (classId === undefined) {
      skipped[a.className] = (skipped[a.className] ?? 0) + 1;
      continue;
    }
    const size = sizes.get(a.imageId);
    if (size === undefined) throw new Error(`toYolo: no size for image ${a.imageId}`);
    const { xMin, yMin, xMax, yMax } = a.box;
    const values = [(xMin + xMax) / 2 / size.width, (yMin + yMax) / 2 / size.height, (xMax - xMin) / size.width, (yMax - yMin) / size.height];
    image.push(`${classId} ${values.map((v) => v.toFixed(6)).join(' ')}\n`);
  }
  return { files: new Map([...lines].map(([id, rows]) => [id, rows.join('')])), skipped };
}

export interface FromYoloOptions {
  /** Names the input in errors; default `${imageId}.txt`. */
  file?: string;
  /** Decimals the pixel coordinates are rounded to; default 2 (6-decimal values carry about 0.003 px of error on a 3000 px image). */
  decimals?: number;
}

/** One image's YOLO label file back to annotations (no reader), using the image's size; errors name line and field. */
export function fromYolo(imageId: string, text: string, sizes: ImageSizes, schema: LabelSchema, options: FromYoloOptions = {}): Annotation[] {
  const file = options.file ?? `${imageId}.txt`;
  const size = sizes.get(imageId);
  if (size === undefined) throw new Error(`fromYolo: no size for image ${imageId}`);
  const scale = 10 ** (options.decimals ?? 2);
  const round = (v: number) => Math.round(v * scale) / scale + 0;
  const out: Annotation[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const fail = (column: number | undefined, reason: string) => new DatasetFormatError(file, i + 1, column, reason);
    const tokens = line.split(/\s+/);
    if (tokens.length !== 5) throw fail(undefined, `expected 5 values (class cx cy w h), found ${tokens.length}`);
    const [classId = 0, cx = 0, cy = 0, w = 0, h = 0] = tokens.map((token, k) => {
      const n = parseDecimal(token);
      if (n === undefined) throw fail(k + 1, `${JSON.stringify(token)} is not a number`);
      return n;
    });
    const className = classNameOf(schema, classId);
    if (className === undefined) throw fail(1, `class id ${tokens[0]} is not in the ${schema.name} schema`);
    if (w < 0 || h < 0) throw fail(w < 0 ? 4 : 5, 'negative box size');
    const box = { xMin: round((cx - w / 2) * size.width), yMin: round((cy - h / 2) * size.height), xMax: round((cx + w / 2) * size.width), yMax: round((cy + h / 2) * size.height) };
    out.push({ imageId, className, box });
  });
  return out;
}

/** classes.txt: the schema's class names, one a line, line n-1 for class id n-1. */
export function yoloClassesTxt(schema: LabelSchema): string {
  return schema.classIds.map((name) => `${name}\n`).join('');
}

/** The `names:` block of a YOLO data.yaml (names as YAML double-quoted strings), to add to the train/val paths. */
export function yoloNamesYaml(schema: LabelSchema): string {
  return `names:\n${schema.classIds.map((name, id) => `  ${id}: ${JSON.stringify(name)}\n`).join('')}`;
}
