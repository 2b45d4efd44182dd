// The VinBigData challenge metric: Pascal VOC mAP at IoU 0.4 over class ids, No finding as a [0, 0, 1, 1] box.
import type { Box, Detection } from '../model/annotations.js';
import { averagePrecision } from './average-precision.js';
import { iou } from './iou.js';
import { rankDescending } from './internal/rank-descending.js';

/** One ground-truth object. `box` may be left out only for the No finding class. */
export interface GroundTruthBox {
  imageId: string;
  classId: number;
  box?: Box;
}

export interface DetectionEvaluationOptions {
  /** A detection matches a box when IoU >= this (the Matlab VOC devkit's `>=`; py-faster-rcnn's voc_eval uses `>`). Default 0.4. */
  iouThreshold?: number;
  /** The No finding class id (default 14, the Kaggle one); null: the label set has none. */
  noFindingClass?: number | null;
  /** The images evaluated, if some have no ground-truth row at all; the images of `gt` are always included. */
  imageIds?: Iterable<string>;
  /** A prediction for an image not evaluated: 'throw' (default) or 'ignore' (dropped, not even a false positive). */
  unknownImages?: 'throw' | 'ignore';
}

export interface ClassEvaluation {
  /** NaN for a class with predictions but no ground truth (it does not count in the means). */
  ap: number;
  gtCount: number;
  predCount: number;
  truePositives: number;
}

export interface DetectionEvaluation {
  /** Mean AP over the classes with ground truth (a class without predictions counts 0); NaN if none. */
  mAP: number;
  /** The same mean without the No finding class. */
  mAPWithoutNoFinding: number;
  /** Every class with ground truth or predictions, by class id. */
  perClass: Map<number, ClassEvaluation>;
}

/** The box the challenge gives an image whose ground truth is No finding; predict `14 conf 0 0 1 1` to match it. */
export const NO_FINDING_BOX: Readonly<Box> = Object.freeze({ xMin: 0, yMin: 0, xMax: 1, yMax: 1 });

interface ImageTruth { boxes: Box[]; matched: Uint8Array }

/**
 * Scores detections the way the VinBigData Chest X-ray Abnormalities Detection challenge does. Per
 * class, the detections of all images are ranked by confidence, highest first; equal confidences
 * keep their order in `pred` (the ranking, hence AP, depends on it). Each detection, in rank order,
 * is compared with the ground-truth boxes of its class on its image: the box of highest IoU (the
 * first in `gt` order on equal IoU) is a hit if IoU >= the threshold and no earlier detection took
 * it; if it was taken the detection is a false positive even when another box overlaps enough (as
 * Pascal VOC does). Detections on images without ground truth of their class are false positives.
 * AP: all-point interpolation (see averagePrecision).
 *
 * Ground truth: used as given. With several readers per image (train.csv has 3), the caller decides
 * what the truth is (fused boxes, one reader, or all boxes); this function does not fuse. Rows of
 * the No finding class become one NO_FINDING_BOX per image whatever their box (so three readers'
 * No finding rows are one object); other rows need a box. Predictions are taken as given, No finding
 * ones included. Throws on a prediction for an unknown image (naming it, unless unknownImages is
 * 'ignore'), a non-finite confidence, or a missing ground-truth box.
 */
export function evaluateDetections(gt: readonly GroundTruthBox[], pred: readonly Detection[], options: DetectionEvaluationOptions = {}): DetectionEvaluation {
  const threshold = options.iouThreshold ?? 0.4;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`evaluateDetections: iouThreshold must be in (0, 1], got ${threshold}`);
  const noFinding = options.noFindingClass === undefined ? 14 : options.noFindingClass;
  const images = new Set(options.imageIds ?? []);

  const truth = new Map<number, Map<string, ImageTruth>>();
  for (const row of gt) {
    images.add(row.imageId);
    let byImage = truth.get(row.classId);
    if (byImage === undefined) truth.set(row.classId, (byImage = new Map()));
    let image = byImage.get(row.imageId);
    if (image === undefined) byImage.set(row.imageId, (image = { boxes: [], matched: new Uint8Array(0) }));
    if (row.classId === noFinding) {
      if (image.boxes.length === 0) image.boxes.push(NO_FINDING_BOX);
    } else if (row.box === undefined) {
      throw new Error(`evaluateDetections: ground truth of class ${row.classId} on image ${row.imageId} has no box`);
    } else image.boxes.push(row.box);
  }
  for (const byImage of truth.values()) for (const image of byImage.values()) image.matched = new Uint8Array(image.boxes.length);

  // Predictions of evaluated images, by class, in input order.
  const byClass = new Map<number, Detection[]>();
  for (let i = 0; i < pred.length; i++) {
    const p = pred[i]!;
    if (!Number.isFinite(p.confidence)) throw new Error(`evaluateDetections: prediction ${i} (image ${p.imageId}) has confidence ${p.confidence}`);
    if (!images.has(p.imageId)) {
      if (options.unknownImages === 'ignore') continue;
      throw new Error(`evaluateDetections: prediction for image ${p.imageId}, which is not in the ground truth (unknownImages: 'ignore' drops such predictions)`);
    }
    const list = byClass.get(p.classId);
    if (list === undefined) byClass.set(p.classId, [p]);
    else list.push(p);
  }

  const perClass = new Map<number, ClassEvaluation>();
  const classIds = [...new Set([...truth.keys(), ...byClass.keys()])].sort((a, b) => a - b);
  for (const classId of classIds) {
    const byImage = truth.get(classId);
    const detections = byClass.get(classId) ?? [];
    let gtCount = 0;
    for (const image of byImage?.values() ?? []) gtCount += image.boxes.length;
    const confidences = new Float64Array(detections.length);
    for (let i = 0; i < detections.length; i++) confidences[i] = detections[i]!.confidence;
    const order = rankDescending(confidences);
    const hits = new Uint8Array(detections.length);
    let truePositives = 0;
    for (let rank = 0; rank < order.length; rank++) {
      const d = detections[order[rank]!]!;
      const image = byImage?.get(d.imageId);
      if (image === undefined) continue;
      let best = -1;
      let bestIou = -1;
      for (let j = 0; j < image.boxes.length; j++) {
        const overlap = iou(d.box, image.boxes[j]!);
        if (overlap > bestIou) {
          best = j;
          bestIou = overlap;
        }
      }
      if (best >= 0 && bestIou >= threshold && image.matched[best] === 0) {
        image.matched[best] = 1;
        hits[rank] = 1;
        truePositives++;
      }
    }
    const ap = gtCount > 0 ? averagePrecision(hits, gtCount) : NaN;
    perClass.set(classId, { ap, gtCount, predCount: detections.length, truePositives });
  }

  const mean = (withNoFinding: boolean): number => {
    const aps = [...perClass].filter(([id, c]) => c.gtCount > 0 && (withNoFinding || id !== noFinding)).map(([, c]) => c.ap);
    return aps.length === 0 ? NaN : aps.reduce((s, x) => s + x, 0) / aps.length;
  };
  return { mAP: mean(true), mAPWithoutNoFinding: mean(false), perClass };
}
