// Reads and consensus records in the dataset toolkit's shapes: the rows of annotations_*.csv (boxes,
// and a row without a box for "No finding", as the PhysioNet release lists them) and of image_labels_*.csv.
import type { Annotation, ImageLabels, LabelSchema } from '@cxrlab/dataset';
import type { ReadRecord } from './load-reads.js';

/** Each record's boxes, then a box-less row when it says "No finding"; radId only where the record has one. */
export function toAnnotations(records: Iterable<ReadRecord>, schema: LabelSchema): Annotation[] {
  const out: Annotation[] = [];
  const noFinding = schema.noFinding;
  for (const r of records) {
    for (const b of r.boxes) {
      const a: Annotation = { imageId: r.imageId, className: b.label, box: { xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax } };
      if (r.radId !== undefined) a.radId = r.radId;
      out.push(a);
    }
    if (noFinding !== undefined && r.globals.includes(noFinding)) out.push(r.radId !== undefined ? { imageId: r.imageId, radId: r.radId, className: noFinding } : { imageId: r.imageId, className: noFinding });
  }
  return out;
}

/** Each record's image-level labels: 1 for every global label chosen and every local label with a box. */
export function toImageLabels(records: Iterable<ReadRecord>, schema: LabelSchema): ImageLabels[] {
  const template: Record<string, 0 | 1> = Object.fromEntries(schema.labels.map((l) => [l.name, 0]));
  const out: ImageLabels[] = [];
  for (const r of records) {
    const labels = { ...template };
    for (const name of r.globals) labels[name] = 1;
    for (const b of r.boxes) labels[b.label] = 1;
    out.push(r.radId !== undefined ? { imageId: r.imageId, radId: r.radId, labels } : { imageId: r.imageId, labels });
  }
  return out;
}
