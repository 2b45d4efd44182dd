// From the editor's document to what the server takes (a read: globals and boxes, no client keys).
import type { AnnotationDoc, BoxInput } from './editor-types.js';

/** The document as a read for the API (boxes in drawing order, image pixel coordinates as stored). */
export function docToRead(doc: AnnotationDoc): { globals: string[]; boxes: BoxInput[] } {
  return {
    globals: [...doc.globals],
    boxes: doc.boxes.map((b) => ({ label: b.label, xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax })),
  };
}
