// Inter-reader agreement on boxes: per class, greedy IoU matching of each pair of readers' boxes on each image.
import type { Annotation, Box } from '../model/annotations.js';
import { iou } from './iou.js';

export interface BoxMatch { a: number; b: number; iou: number }

/**
 * One-to-one greedy matching of two box lists: every pair with IoU >= threshold, taken in order of
 * IoU (highest first; ties by index in `a`, then in `b`), skipping pairs whose boxes are taken.
 */
export function matchBoxesGreedy(a: readonly Box[], b: readonly Box[], threshold = 0.4): BoxMatch[] {
  const candidates: BoxMatch[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const overlap = iou(a[i]!, b[j]!);
      if (overlap >= threshold && overlap > 0) candidates.push({ a: i, b: j, iou: overlap });
    }
  }
  candidates.sort((x, y) => y.iou - x.iou || x.a - y.a || x.b - y.b);
  const [usedA, usedB] = [new Uint8Array(a.length), new Uint8Array(b.length)];
  const matches: BoxMatch[] = [];
  for (const c of candidates) {
    if (usedA[c.a] || usedB[c.b]) continue;
    usedA[c.a] = usedB[c.b] = 1;
    matches.push(c);
  }
  return matches;
}

export interface BoxAgreementOptions {
  /** Two readers' boxes match when IoU >= this. Default 0.4. */
  iouThreshold?: number;
}

/** One class's agreement, summed over every pair of readers on every image both read. */
export interface BoxAgreementRow {
  className: string;
  /** (image, pair of readers) combinations where at least one of the two drew a box of the class. */
  pairImages: number;
  /** Boxes counted: each reader's boxes once per pair they are in (so sum over pairs of A's + B's). */
  boxes: number;
  matched: number;
  /** 2 * matched / boxes. */
  f1: number;
  /** Mean IoU over all matched pairs; NaN when none matched. */
  meanIou: number;
}

export interface BoxAgreement {
  /** By class name. */
  classes: BoxAgreementRow[];
  /** Annotations without a radId (a consensus), left out. */
  annotationsWithoutReader: number;
}

/**
 * Agreement of several readers' boxes (annotations_train.csv / train.csv, with radId). A reader has
 * read an image when any of their rows names it, boxed or not (VinDr-CXR lists a No finding row
 * when a reader found nothing), so a reader who drew no box of a class on an image they read
 * counts as disagreeing with one who did. Classes are those with at least one box.
 */
export function boxAgreement(annotations: readonly Annotation[], options: BoxAgreementOptions = {}): BoxAgreement {
  const threshold = options.iouThreshold ?? 0.4;
  // image -> reader -> class -> boxes
  const images = new Map<string, Map<string, Map<string, Box[]>>>();
  const classNames = new Set<string>();
  let annotationsWithoutReader = 0;
  for (const a of annotations) {
    if (a.radId === undefined) { annotationsWithoutReader++; continue; }
    let readers = images.get(a.imageId);
    if (readers === undefined) images.set(a.imageId, (readers = new Map()));
    let classes = readers.get(a.radId);
    if (classes === undefined) readers.set(a.radId, (classes = new Map()));
    if (a.box === undefined) continue;
    classNames.add(a.className);
    const boxes = classes.get(a.className);
    if (boxes === undefined) classes.set(a.className, [a.box]);
    else boxes.push(a.box);
  }

  const totals = new Map<string, { pairImages: number; boxes: number; matched: number; iouSum: number }>();
  for (const name of classNames) totals.set(name, { pairImages: 0, boxes: 0, matched: 0, iouSum: 0 });
  for (const readers of images.values()) {
    const ids = [...readers.keys()];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [classesA, classesB] = [readers.get(ids[i]!)!, readers.get(ids[j]!)!];
        for (const name of new Set([...classesA.keys(), ...classesB.keys()])) {
          const [boxesA, boxesB] = [classesA.get(name) ?? [], classesB.get(name) ?? []];
          const t = totals.get(name)!;
          t.pairImages++;
          t.boxes += boxesA.length + boxesB.length;
          for (const m of matchBoxesGreedy(boxesA, boxesB, threshold)) {
            t.matched++;
            t.iouSum += m.iou;
          }
        }
      }
    }
  }
  const classes = [...totals].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([className, t]): BoxAgreementRow => ({
    className, pairImages: t.pairImages, boxes: t.boxes, matched: t.matched,
    f1: t.boxes > 0 ? (2 * t.matched) / t.boxes : NaN,
    meanIou: t.matched > 0 ? t.iouSum / t.matched : NaN,
  }));
  return { classes, annotationsWithoutReader };
}
