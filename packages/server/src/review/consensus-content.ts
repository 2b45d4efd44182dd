// What a consensus (or one reader's read) holds: the chosen global labels and the boxes, in image pixels.
import type { Annotation } from '../db/database.js';

export interface ContentBox {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface ConsensusContent {
  globals: string[];
  boxes: ContentBox[];
}

/** An annotation row as both `annotations` and `consensus_annotations` store it. */
export type AnnotationRow = Pick<Annotation, 'kind' | 'label' | 'x_min' | 'y_min' | 'x_max' | 'y_max'>;

/** Rows (in their stored order) as globals and boxes. */
export function contentOfRows<R extends AnnotationRow>(rows: readonly R[], box: (row: R, b: ContentBox) => ContentBox = (_r, b) => b): ConsensusContent {
  const content: ConsensusContent = { globals: [], boxes: [] };
  for (const row of rows) {
    if (row.kind === 'global') content.globals.push(row.label);
    else content.boxes.push(box(row, { label: row.label, xMin: row.x_min ?? 0, yMin: row.y_min ?? 0, xMax: row.x_max ?? 0, yMax: row.y_max ?? 0 }));
  }
  return content;
}

/** The rows that store `content` for an image (globals first, then boxes, each in the given order). */
export function rowsOfContent(imageRowId: number, content: ConsensusContent) {
  return [
    ...content.globals.map((label) => ({ image_id: imageRowId, kind: 'global' as const, label, x_min: null, y_min: null, x_max: null, y_max: null })),
    ...content.boxes.map((b) => ({ image_id: imageRowId, kind: 'local' as const, label: b.label, x_min: b.xMin, y_min: b.yMin, x_max: b.xMax, y_max: b.yMax })),
  ];
}
