// Consensus annotations from several readers' annotations: one fusion per image and class, boxless labels by majority.
import type { Annotation } from '../model/annotations.js';
import type { ReaderBox } from './cluster-boxes.js';
import { intersectionFusion, majorityFusion, unionFusion } from './strategies.js';
import { weightedBoxesFusion, type FusedBox, type WbfConfType } from './weighted-boxes-fusion.js';

export type FusionMethod = 'wbf' | 'majority' | 'union' | 'intersection';

export interface FuseOptions {
  method: FusionMethod;
  /** Default 0.4; a box joins a cluster when IoU > this. */
  iouThreshold?: number;
  /** Keep only boxes agreed on by at least this many readers. Default: wbf and union 1, majority ceil(n/2), intersection n (n: readers of the image). */
  minReaders?: number;
  /** wbf only: see WbfOptions. An annotation's `score` (default 1) is its WBF score. */
  confType?: WbfConfType;
  skipBoxThreshold?: number;
  weights?: Readonly<Record<string, number>>;
}

/** A consensus annotation: no reader, `score` the number of distinct readers who agreed, `confidence` the fused confidence (wbf) or that number over the image's readers. */
export interface FusedAnnotation extends Annotation {
  radId?: undefined;
  score: number;
  confidence: number;
}

interface ImageGroup {
  readers: Set<string>;
  boxes: Map<string, ReaderBox[]>;
  boxless: Map<string, Set<string>>;
}

const readerOf = (a: Annotation): string => a.radId ?? '';

function fuseGroup(boxes: ReaderBox[], readers: string[], options: FuseOptions): FusedBox[] {
  const { iouThreshold, minReaders } = options;
  switch (options.method) {
    case 'wbf': {
      const { confType, skipBoxThreshold, weights } = options;
      const min = minReaders ?? 1;
      if (!Number.isInteger(min) || min < 1) throw new RangeError(`minReaders must be an integer >= 1, got ${min}`);
      return weightedBoxesFusion(boxes, { readers, iouThreshold, confType, skipBoxThreshold, weights }).filter((f) => f.readers >= min);
    }
    case 'majority': return majorityFusion(boxes, { readers, iouThreshold, minReaders });
    case 'union': return unionFusion(boxes, { readers, iouThreshold, minReaders });
    case 'intersection': return intersectionFusion(boxes, { readers, iouThreshold, minReaders });
    default: throw new RangeError(`unknown fusion method ${JSON.stringify(options.method)}`);
  }
}

/**
 * Fuses readers' annotations into a consensus. The readers of an image are the distinct `radId`s
 * among all its rows, boxed or not (rows without radId count as one reader). Boxes are fused per
 * image and class with `options.method`. A label without a box (No finding, a global label) is
 * kept once per image when at least ceil(n/2) of the image's n readers gave it, whatever the
 * method and minReaders: e.g. an image is No finding when 2 of its 3 readers said so (it can then
 * also keep the third reader's boxes, under wbf or union; drop what the caller's schema forbids).
 * Output: sorted by image id, class name (code-unit order), then boxless rows first, then x_min,
 * y_min, x_max, y_max.
 */
export function fuseAnnotations(annotations: readonly Annotation[], options: FuseOptions): FusedAnnotation[] {
  const images = new Map<string, ImageGroup>();
  for (const a of annotations) {
    let g = images.get(a.imageId);
    if (!g) images.set(a.imageId, (g = { readers: new Set(), boxes: new Map(), boxless: new Map() }));
    const reader = readerOf(a);
    g.readers.add(reader);
    if (a.box) {
      const list = g.boxes.get(a.className) ?? [];
      if (list.length === 0) g.boxes.set(a.className, list);
      list.push({ reader, box: a.box, score: a.score });
    } else {
      const who = g.boxless.get(a.className) ?? new Set<string>();
      if (who.size === 0) g.boxless.set(a.className, who);
      who.add(reader);
    }
  }
  const out: FusedAnnotation[] = [];
  for (const [imageId, g] of images) {
    const readers = [...g.readers];
    const n = readers.length;
    for (const [className, who] of g.boxless) {
      if (who.size >= Math.ceil(n / 2)) out.push({ imageId, className, score: who.size, confidence: who.size / n });
    }
    for (const [className, boxes] of g.boxes) {
      for (const f of fuseGroup(boxes, readers, options)) out.push({ imageId, className, box: f.box, score: f.readers, confidence: f.confidence });
    }
  }
  return out.sort(compareFused);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareFused(a: FusedAnnotation, b: FusedAnnotation): number {
  const byName = cmp(a.imageId, b.imageId) || cmp(a.className, b.className);
  if (byName !== 0 || (!a.box && !b.box)) return byName;
  if (!a.box || !b.box) return a.box ? 1 : -1;
  return a.box.xMin - b.box.xMin || a.box.yMin - b.box.yMin || a.box.xMax - b.box.xMax || a.box.yMax - b.box.yMax;
}
