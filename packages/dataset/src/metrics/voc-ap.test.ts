import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Detection } from '../model/annotations.js';
import { averagePrecision } from './average-precision.js';
import { evaluateDetections, type GroundTruthBox } from './voc-ap.js';

const box = (xMin: number, yMin: number, xMax: number, yMax: number) => ({ xMin, yMin, xMax, yMax });
const det = (imageId: string, classId: number, confidence: number, b = box(0, 0, 10, 10)): Detection => ({ imageId, classId, confidence, box: b });
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

describe('averagePrecision', () => {
  it('integrates the monotone precision envelope at every recall step', () => {
    assert.equal(averagePrecision([1, 1], 2), 1);
    assert.equal(averagePrecision([0, 1], 1), 0.5);
    assert.equal(averagePrecision([1, 0, 1], 4), (1 + 2 / 3) / 4, 'recall stops at 1/2: the rest counts 0');
    assert.equal(averagePrecision([], 3), 0);
    assert.ok(Number.isNaN(averagePrecision([1], 0)));
  });
});

describe('evaluateDetections', () => {
  // Class 0 ground truth: img1 G1 [0,0,10,10], G2 [20,20,30,30]; img2 G3 [0,0,10,10]: 3 boxes.
  // Class 1: one box on img3, no predictions. Class 14 (No finding): img4, three readers' rows.
  const gt: GroundTruthBox[] = [
    { imageId: 'img1', classId: 0, box: box(0, 0, 10, 10) },
    { imageId: 'img1', classId: 0, box: box(20, 20, 30, 30) },
    { imageId: 'img2', classId: 0, box: box(0, 0, 10, 10) },
    { imageId: 'img3', classId: 1, box: box(0, 0, 10, 10) },
    { imageId: 'img4', classId: 14 }, { imageId: 'img4', classId: 14 }, { imageId: 'img4', classId: 14, box: box(5, 5, 9, 9) },
  ];
  // Class 0 ranked (0.7 tie: input order, img3 first):
  //   0.9 img1 = G1          TP  P 1/1  R 1/3
  //   0.8 img1 IoU .81 w. G1 FP  P 1/2  (duplicate: G1 already taken)
  //   0.7 img3               FP  P 1/3  (no class-0 truth on img3)
  //   0.7 img2 = G3          TP  P 2/4  R 2/3
  //   0.5 img1 = G2          TP  P 3/5  R 3/3
  //   0.3 img2 off target    FP  P 3/6
  // Envelope at the hits: 1, max(2/4, 3/5, 3/6) = 0.6, 0.6 -> AP = (1 + 0.6 + 0.6) / 3 = 0.7333.
  // Class 14: 0.6 img4 [0,0,1,1] TP, 0.4 img1 FP -> AP 1. Class 1: AP 0. Class 2: no truth, excluded.
  const pred: Detection[] = [
    det('img1', 0, 0.9), det('img1', 0, 0.8, box(1, 1, 10, 10)), det('img3', 0, 0.7), det('img2', 0, 0.7),
    det('img1', 0, 0.5, box(20, 20, 30, 30)), det('img2', 0, 0.3, box(50, 50, 60, 60)),
    det('img4', 14, 0.6, box(0, 0, 1, 1)), det('img1', 14, 0.4, box(0, 0, 1, 1)), det('img1', 2, 0.95),
  ];

  it('scores the hand-computed example', () => {
    const r = evaluateDetections(gt, pred);
    close(r.perClass.get(0)!.ap, 2.2 / 3);
    assert.deepEqual({ ...r.perClass.get(0)!, ap: 0 }, { ap: 0, gtCount: 3, predCount: 6, truePositives: 3 });
    assert.deepEqual(r.perClass.get(1), { ap: 0, gtCount: 1, predCount: 0, truePositives: 0 });
    assert.deepEqual(r.perClass.get(14), { ap: 1, gtCount: 1, predCount: 2, truePositives: 1 }, 'three No finding rows are one box');
    const c2 = r.perClass.get(2)!;
    assert.ok(Number.isNaN(c2.ap) && c2.gtCount === 0 && c2.predCount === 1);
    assert.deepEqual([...r.perClass.keys()], [0, 1, 2, 14]);
    close(r.mAP, (2.2 / 3 + 0 + 1) / 3);
    close(r.mAPWithoutNoFinding, (2.2 / 3 + 0) / 2);
  });

  it('breaks confidence ties by input order', () => {
    // img2's hit before img3's miss: hits at ranks 1, 3, 5: envelope 1, 2/3, 3/5.
    const swapped = [pred[0]!, pred[1]!, pred[3]!, pred[2]!, ...pred.slice(4)];
    close(evaluateDetections(gt, swapped).perClass.get(0)!.ap, (1 + 2 / 3 + 0.6) / 3);
  });

  it('counts a detection whose best box is taken as a false positive, even if another box overlaps enough', () => {
    const truth = [{ imageId: 'a', classId: 0, box: box(0, 0, 10, 10) }, { imageId: 'a', classId: 0, box: box(2, 0, 12, 10) }];
    // The second detection's IoU: 1 with the first box (taken), 80/120 with the second.
    const r = evaluateDetections(truth, [det('a', 0, 0.9), det('a', 0, 0.8)]);
    assert.deepEqual(r.perClass.get(0), { ap: 0.5, gtCount: 2, predCount: 2, truePositives: 1 });
  });

  it('matches at IoU >= the threshold', () => {
    const truth = [{ imageId: 'a', classId: 3, box: box(0, 0, 10, 10) }];
    const p = [det('a', 3, 0.5, box(0, 0, 4, 10))]; // IoU 40 / 100 = 0.4 exactly
    assert.equal(evaluateDetections(truth, p).perClass.get(3)!.ap, 1);
    assert.equal(evaluateDetections(truth, p, { iouThreshold: 0.5 }).perClass.get(3)!.ap, 0);
  });

  it('throws on predictions for unknown images, unless told to ignore them', () => {
    const p = [...pred, det('img9', 0, 0.99)];
    assert.throws(() => evaluateDetections(gt, p), /image img9/);
    const r = evaluateDetections(gt, p, { unknownImages: 'ignore' });
    assert.equal(r.perClass.get(0)!.predCount, 6);
    close(r.perClass.get(0)!.ap, 2.2 / 3);
    // Listed in imageIds, img9 is an evaluated image without truth: its detection is a false positive
    // ranked first. Precision: 0, 1/2, 1/3, 1/4, 2/5, 3/6, 3/7; hits at ranks 2, 5, 6, envelope 1/2 at each.
    const listed = evaluateDetections(gt, p, { imageIds: ['img9'] }).perClass.get(0)!;
    close(listed.ap, 1.5 / 3);
  });

  it('rejects bad inputs with a clear message', () => {
    assert.throws(() => evaluateDetections([{ imageId: 'x', classId: 2 }], []), /class 2 on image x has no box/);
    assert.throws(() => evaluateDetections(gt, [det('img1', 0, NaN)]), /image img1\) has confidence NaN/);
    assert.throws(() => evaluateDetections(gt, [], { iouThreshold: 0 }), RangeError);
    assert.throws(() => evaluateDetections(gt, [], { noFindingClass: null }), /class 14 on image img4 has no box/);
  });

  it('gives NaN means without ground truth, and No finding counts once per image', () => {
    assert.ok(Number.isNaN(evaluateDetections([], []).mAP));
    const r = evaluateDetections([{ imageId: 'n', classId: 14 }], [det('n', 14, 0.5, box(0, 0, 1, 1))]);
    assert.equal(r.mAP, 1);
    assert.ok(Number.isNaN(r.mAPWithoutNoFinding));
  });
});
