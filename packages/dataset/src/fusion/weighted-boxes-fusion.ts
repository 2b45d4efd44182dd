// Weighted Boxes Fusion (Solovyev et al. 2021) of one image's boxes of one class, as ZFTurbo's ensemble_boxes computes it, in pixels.
import type { Box } from '../model/annotations.js';
import { admitBoxes, clusterBoxes, distinctReaders, iouThresholdOf, readersOf, type ClusterOptions, type ReaderBox } from './cluster-boxes.js';

/** How a cluster's confidence is computed (ensemble_boxes' conf_type). */
export type WbfConfType = 'avg' | 'max' | 'box_and_model_avg' | 'absent_model_aware_avg';

export interface WbfOptions extends ClusterOptions {
  /** Boxes scoring below this are ignored (skip_box_thr). Default 0. */
  skipBoxThreshold?: number;
  /** Default 'avg'. */
  confType?: WbfConfType;
  /** Weight of each reader (weights); readers not named weigh 1. Must be > 0. */
  weights?: Readonly<Record<string, number>>;
  /** Let 'avg' confidences exceed 1 when a cluster has more boxes than there are readers (allows_overflow). Default false. */
  allowsOverflow?: boolean;
}

/** One fused box: the cluster's box, its confidence, how many distinct readers it holds, and the input indices of its members. */
export interface FusedBox {
  box: Box;
  confidence: number;
  readers: number;
  members: number[];
}

/**
 * Fuses the boxes of one image and one class. Each box weighs w = score x weight(reader); boxes are
 * taken by decreasing w and clustered greedily (see clusterBoxes); a cluster's box is the w-weighted
 * mean of its members' corners. With n boxes in a cluster, M readers and W the sum of the readers'
 * weights, its confidence (before rescaling: c = sum(w) / n, or max(w) for 'max') is
 *   avg:                    c x min(M, n) / W   (c x n / W with allowsOverflow)
 *   max:                    c / max(weights)
 *   box_and_model_avg:      c x n / (sum of the members' reader weights) x (sum of the weights of its distinct readers) / W
 *   absent_model_aware_avg: c x n / (sum of the members' reader weights + sum of the weights of readers absent from it)
 * With unit scores and weights, 'avg' gives min(M, n) / M. Returned by decreasing confidence, ties in
 * order of cluster creation (the reference sorts with an unstable argsort).
 *
 * Coordinates are pixels, where the reference wants [0, 1]: IoU is invariant under scaling x and y
 * (see boxIou) and weighted means commute with scaling, so the result equals the reference's on
 * normalised boxes scaled back, up to floating point; nothing is clipped. Arithmetic is float64
 * throughout (the reference averages in float32). Defaults differ from the reference only in
 * iouThreshold: 0.4, the usual choice for VinDr-CXR, where ensemble_boxes has 0.55.
 */
export function weightedBoxesFusion(boxes: readonly ReaderBox[], options: WbfOptions = {}): FusedBox[] {
  const iouThreshold = iouThresholdOf(options);
  const confType = options.confType ?? 'avg';
  const readers = readersOf(boxes, options);
  const weightOf = (r: string): number => options.weights?.[r] ?? 1;
  const weights = readers.map(weightOf);
  if (!weights.every((w) => w > 0 && Number.isFinite(w))) throw new RangeError('reader weights must be finite and > 0');
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const maxWeight = Math.max(...weights);

  const admitted = admitBoxes(boxes, options.skipBoxThreshold ?? 0, weightOf, true);
  const fused = clusterBoxes(admitted, iouThreshold).map((c) => {
    const n = c.members.length;
    const memberWeights = c.members.reduce((s, m) => s + weightOf(m.reader), 0);
    const present = new Set(c.members.map((m) => m.reader));
    let conf = confType === 'max' ? Math.max(...c.members.map((m) => m.weight)) : c.weightSum / n;
    if (confType === 'box_and_model_avg') {
      const distinctWeights = [...present].reduce((s, r) => s + weightOf(r), 0);
      conf = ((conf * n) / memberWeights) * distinctWeights / totalWeight;
    } else if (confType === 'absent_model_aware_avg') {
      const absentWeights = readers.filter((r) => !present.has(r)).reduce((s, r) => s + weightOf(r), 0);
      conf = (conf * n) / (memberWeights + absentWeights);
    } else if (confType === 'max') {
      conf = conf / maxWeight;
    } else {
      conf = (conf * (options.allowsOverflow ? n : Math.min(readers.length, n))) / totalWeight;
    }
    return { box: c.fused, confidence: conf, readers: distinctReaders(c), members: c.members.map((m) => m.index) };
  });
  return fused.map((f, order) => ({ f, order })).sort((a, b) => b.f.confidence - a.f.confidence || a.order - b.order).map(({ f }) => f);
}
