// The greedy clustering of Weighted Boxes Fusion, shared by every fusion method: each box, in turn, joins the cluster whose fused box it overlaps most.
import type { Box } from '../model/annotations.js';
import { boxArea, boxIou } from './box-iou.js';

/** One box to fuse: the reader who drew it (WBF's "model"), where, and how sure (default 1: a reader's annotation). */
export interface ReaderBox {
  reader: string;
  box: Box;
  score?: number;
}

/** Options every fusion method takes. */
export interface ClusterOptions {
  /** A box joins a cluster when its IoU with the cluster's fused box is strictly greater than this (as in ensemble_boxes). Default 0.4. */
  iouThreshold?: number;
  /** Everyone who read the image, boxes or not (WBF's list of models); default: the distinct readers of the boxes, in order of appearance. */
  readers?: readonly string[];
}

/** A box admitted to clustering: its index in the caller's input, its reader and its fusing weight (score x reader weight). */
export interface ClusterMember {
  index: number;
  reader: string;
  box: Box;
  weight: number;
}

/** A cluster: its members in joining order and the weight-averaged box of them. */
export interface Cluster {
  members: ClusterMember[];
  fused: Box;
  /** Sum of the members' weights (ensemble_boxes' `conf` before averaging). */
  weightSum: number;
}

export const DEFAULT_IOU_THRESHOLD = 0.4;

/** The IoU threshold of `options`, checked to lie in [0, 1]. */
export function iouThresholdOf(options: ClusterOptions): number {
  const t = options.iouThreshold ?? DEFAULT_IOU_THRESHOLD;
  if (!(t >= 0 && t <= 1)) throw new RangeError(`iouThreshold must lie in [0, 1], got ${t}`);
  return t;
}

/** The readers of the image: `options.readers`, or the boxes' distinct readers; throws if a box's reader is not listed. */
export function readersOf(boxes: readonly ReaderBox[], options: ClusterOptions): string[] {
  const readers = options.readers ? [...new Set(options.readers)] : [...new Set(boxes.map((b) => b.reader))];
  const known = new Set(readers);
  for (const b of boxes) if (!known.has(b.reader)) throw new RangeError(`box of reader ${JSON.stringify(b.reader)} who is not among options.readers`);
  return readers;
}

/**
 * The boxes that take part, as ensemble_boxes' prefilter_boxes admits them: scores below
 * `skipBelow` dropped, swapped corners put in order, zero-area boxes dropped (their IoU is
 * undefined), and boxes of weight <= 0 dropped (they cannot weigh in an average). Unlike the
 * reference, coordinates are not clipped to [0, 1]: they are pixels. Sorted by weight, highest first;
 * equal weights keep input order (the reference's numpy argsort leaves that order unspecified).
 */
export function admitBoxes(boxes: readonly ReaderBox[], skipBelow: number, readerWeight: (reader: string) => number, useScores: boolean): ClusterMember[] {
  const out: ClusterMember[] = [];
  boxes.forEach((b, index) => {
    const { xMin, yMin, xMax, yMax } = b.box;
    const score = useScores ? (b.score ?? 1) : 1;
    if (!(Number.isFinite(xMin) && Number.isFinite(yMin) && Number.isFinite(xMax) && Number.isFinite(yMax) && Number.isFinite(score))) {
      throw new RangeError(`box ${index} has a non-finite coordinate or score`);
    }
    if (score < skipBelow) return;
    const ordered = xMin <= xMax && yMin <= yMax;
    const box = ordered ? b.box : { xMin: Math.min(xMin, xMax), yMin: Math.min(yMin, yMax), xMax: Math.max(xMin, xMax), yMax: Math.max(yMin, yMax) };
    const weight = score * readerWeight(b.reader);
    if (boxArea(box) === 0 || !(weight > 0)) return;
    out.push({ index, reader: b.reader, box, weight });
  });
  return out.sort((a, b) => b.weight - a.weight);
}

/**
 * Clusters `members` in the given order (ensemble_boxes' loop over find_matching_box_quickly and
 * get_weighted_box): a box joins the cluster whose current fused box has the highest IoU with it,
 * the first such cluster on ties, when that IoU is > `iouThreshold`; otherwise it opens a new
 * cluster. A cluster's fused box is sum(weight x coordinate) / sum(weight) over its members,
 * summed in joining order; a one-box cluster's fused box is the box itself. Boxes of one reader
 * may share a cluster (the reference does not prevent it). Clusters come in order of creation.
 */
export function clusterBoxes(members: readonly ClusterMember[], iouThreshold: number): Cluster[] {
  const clusters: (Cluster & { sums: [number, number, number, number] })[] = [];
  for (const m of members) {
    let best = -1;
    let bestIou = iouThreshold;
    for (let i = 0; i < clusters.length; i++) {
      const iou = boxIou(clusters[i]!.fused, m.box);
      if (iou > bestIou) {
        best = i;
        bestIou = iou;
      }
    }
    const { xMin, yMin, xMax, yMax } = m.box;
    const w = m.weight;
    if (best < 0) {
      clusters.push({ members: [m], fused: { ...m.box }, weightSum: w, sums: [w * xMin, w * yMin, w * xMax, w * yMax] });
      continue;
    }
    const c = clusters[best]!;
    c.members.push(m);
    c.sums[0] += w * xMin;
    c.sums[1] += w * yMin;
    c.sums[2] += w * xMax;
    c.sums[3] += w * yMax;
    c.weightSum += w;
    c.fused = { xMin: c.sums[0] / c.weightSum, yMin: c.sums[1] / c.weightSum, xMax: c.sums[2] / c.weightSum, yMax: c.sums[3] / c.weightSum };
  }
  return clusters.map(({ members: ms, fused, weightSum }) => ({ members: ms, fused, weightSum }));
}

/** The number of distinct readers among a cluster's members. */
export const distinctReaders = (c: Cluster): number => new Set(c.members.map((m) => m.reader)).size;
