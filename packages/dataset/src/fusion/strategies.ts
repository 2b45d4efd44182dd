// Majority, union and intersection fusion: simpler consensus rules over WBF's clusters of one image's boxes of one class.
import type { Box } from '../model/annotations.js';
import { admitBoxes, clusterBoxes, distinctReaders, iouThresholdOf, readersOf, type Cluster, type ClusterOptions, type ReaderBox } from './cluster-boxes.js';
import type { FusedBox } from './weighted-boxes-fusion.js';

export interface StrategyOptions extends ClusterOptions {
  /** Keep a cluster only when at least this many distinct readers contributed; the default depends on the strategy. */
  minReaders?: number;
}

/**
 * The clusters of WBF with every score and weight 1 (scores are ignored): boxes in input order, a
 * box joins the cluster whose mean box it overlaps with IoU > iouThreshold (the highest such, the
 * first on ties), else opens one; zero-area boxes are dropped. Each cluster is turned into a box by
 * `combine` and kept when it has at least `minReaders` distinct readers and a box of positive area.
 * `confidence` is the share of the image's readers in the cluster.
 */
function fuseClusters(boxes: readonly ReaderBox[], options: StrategyOptions, defaultMin: (n: number) => number, combine: (c: Cluster) => Box): FusedBox[] {
  const iouThreshold = iouThresholdOf(options);
  const n = readersOf(boxes, options).length;
  const minReaders = options.minReaders ?? defaultMin(n);
  if (!Number.isInteger(minReaders) || minReaders < 1) throw new RangeError(`minReaders must be an integer >= 1, got ${minReaders}`);
  const out: FusedBox[] = [];
  for (const c of clusterBoxes(admitBoxes(boxes, -Infinity, () => 1, false), iouThreshold)) {
    const readers = distinctReaders(c);
    const box = combine(c);
    if (readers < minReaders || !(box.xMax > box.xMin && box.yMax > box.yMin)) continue;
    out.push({ box, confidence: readers / n, readers, members: c.members.map((m) => m.index) });
  }
  return out;
}

const corners = (c: Cluster, key: keyof Box): number[] => c.members.map((m) => m.box[key]);
const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Majority: keeps the clusters drawn by at least ceil(n / 2) of the n readers of the image (2 of 3)
 * unless `minReaders` says otherwise; the box is the arithmetic mean of each corner over the
 * cluster's boxes (all of them, so a reader with two boxes in one cluster counts twice there).
 */
export function majorityFusion(boxes: readonly ReaderBox[], options: StrategyOptions = {}): FusedBox[] {
  return fuseClusters(boxes, options, (n) => Math.ceil(n / 2), (c) => ({
    xMin: mean(corners(c, 'xMin')), yMin: mean(corners(c, 'yMin')), xMax: mean(corners(c, 'xMax')), yMax: mean(corners(c, 'yMax')),
  }));
}

/** Union: every cluster (minReaders default 1), as the smallest box enclosing all of its boxes. */
export function unionFusion(boxes: readonly ReaderBox[], options: StrategyOptions = {}): FusedBox[] {
  return fuseClusters(boxes, options, () => 1, (c) => ({
    xMin: Math.min(...corners(c, 'xMin')), yMin: Math.min(...corners(c, 'yMin')), xMax: Math.max(...corners(c, 'xMax')), yMax: Math.max(...corners(c, 'yMax')),
  }));
}

/**
 * Intersection: the region common to all of a cluster's boxes, kept only when every reader of the
 * image contributed to the cluster (minReaders default n) and that region has positive area (boxes
 * that merely touch do not intersect). Clustering compares a box with the cluster's mean box, not
 * with every member, so a cluster's boxes need not overlap pairwise.
 */
export function intersectionFusion(boxes: readonly ReaderBox[], options: StrategyOptions = {}): FusedBox[] {
  return fuseClusters(boxes, options, (n) => n, (c) => ({
    xMin: Math.max(...corners(c, 'xMin')), yMin: Math.max(...corners(c, 'yMin')), xMax: Math.min(...corners(c, 'xMax')), yMax: Math.min(...corners(c, 'yMax')),
  }));
}
