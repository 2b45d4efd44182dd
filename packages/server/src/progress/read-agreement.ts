// Inter-reader agreement on a project's submitted reads, with the dataset toolkit: Fleiss' kappa per
// global label (labelAgreement) and box agreement per class (boxAgreement: greedy IoU matching).
import { boxAgreement, labelAgreement, type Annotation, type ImageLabels, type LabelSchema } from '@cxrlab/dataset';
import type { ReadRecord } from '../export/load-reads.js';

export interface LabelKappa {
  label: string;
  /** null where Fleiss' kappa is undefined (e.g. every reader said no on every image). */
  kappa: number | null;
  images: number;
  positiveRatings: number;
}

export interface BoxAgreementSummary {
  className: string;
  pairImages: number;
  boxes: number;
  matched: number;
  f1: number | null;
  meanIou: number | null;
}

export interface ReadAgreement {
  /** Readers per image the kappas are over (the most common number of submitted reads per image). */
  raters: number;
  imagesUsed: number;
  imagesLeftOut: number;
  labels: LabelKappa[];
  /** The mean of the labels' defined kappas (null when none is). */
  overall: number | null;
  boxes: BoxAgreementSummary[];
}

const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

/** Agreement of the reads; null when no image has at least two of them. */
export function readAgreement(reads: readonly ReadRecord[], schema: LabelSchema): ReadAgreement | null {
  const imageLabels: ImageLabels[] = [];
  const annotations: Annotation[] = [];
  for (const r of reads) {
    if (r.radId === undefined) continue;
    const labels: Record<string, 0 | 1> = {};
    for (const name of r.globals) labels[name] = 1;
    imageLabels.push({ imageId: r.imageId, radId: r.radId, labels });
    // a box-less row marks the read, so that drawing no box of a class counts as disagreeing
    annotations.push({ imageId: r.imageId, radId: r.radId, className: '' });
    for (const b of r.boxes) annotations.push({ imageId: r.imageId, radId: r.radId, className: b.label, box: { xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax } });
  }
  const labels = labelAgreement(imageLabels, { schema, labels: 'global' });
  if (labels.raters < 2) return null;
  const kappas = labels.fleiss.map((f): LabelKappa => ({ label: f.label, kappa: finite(f.kappa), images: f.images, positiveRatings: f.positiveRatings }));
  const defined = kappas.flatMap((k) => (k.kappa === null ? [] : [k.kappa]));
  const boxes = boxAgreement(annotations).classes.map((c): BoxAgreementSummary => ({ className: c.className, pairImages: c.pairImages, boxes: c.boxes, matched: c.matched, f1: finite(c.f1), meanIou: finite(c.meanIou) }));
  return {
    raters: labels.raters,
    imagesUsed: labels.imagesUsed,
    imagesLeftOut: labels.imagesLeftOut,
    labels: kappas,
    overall: defined.length === 0 ? null : defined.reduce((s, k) => s + k, 0) / defined.length,
    boxes,
  };
}
