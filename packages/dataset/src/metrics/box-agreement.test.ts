import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../model/annotations.js';
import { boxAgreement, matchBoxesGreedy } from './box-agreement.js';

const box = (xMin: number, yMin: number, xMax: number, yMax: number) => ({ xMin, yMin, xMax, yMax });
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

describe('matchBoxesGreedy', () => {
  it('takes the highest IoU first, one to one, above the threshold', () => {
    // a0-b0 IoU 50/100 = 0.5, a1-b0 IoU 70/100 = 0.7: a1 takes b0, a0 is left.
    assert.deepEqual(matchBoxesGreedy([box(0, 0, 10, 5), box(0, 0, 10, 7)], [box(0, 0, 10, 10)]), [{ a: 1, b: 0, iou: 0.7 }]);
    // a0 overlaps b0 (0.7) and b1 (0.5), a1 only b0 (0.6): greedy gives a0-b0 only.
    assert.deepEqual(matchBoxesGreedy([box(0, 0, 10, 7), box(0, 4, 10, 10)], [box(0, 0, 10, 10), box(0, 0, 10, 3.5)]).map((m) => [m.a, m.b]), [[0, 0]]);
    assert.deepEqual(matchBoxesGreedy([box(0, 0, 10, 10)], [box(0, 0, 10, 3)]), [], 'IoU 0.3 < 0.4');
    assert.deepEqual(matchBoxesGreedy([box(0, 0, 10, 10)], [box(0, 0, 10, 3)], 0.3).length, 1);
  });
});

describe('boxAgreement', () => {
  const a = (imageId: string, radId: string | undefined, className: string, b?: ReturnType<typeof box>): Annotation =>
    ({ imageId, ...(radId ? { radId } : {}), className, ...(b ? { box: b } : {}) });
  const annotations: Annotation[] = [
    // img1, Nodule/Mass: R1 two boxes, R2 the same two (IoU 0.8 and 0.9), R3 none (read the image: a No finding row).
    a('img1', 'R1', 'Nodule/Mass', box(0, 0, 10, 10)), a('img1', 'R1', 'Nodule/Mass', box(20, 20, 30, 30)),
    a('img1', 'R2', 'Nodule/Mass', box(0, 0, 10, 8)), a('img1', 'R2', 'Nodule/Mass', box(21, 20, 30, 30)),
    a('img1', 'R3', 'No finding'),
    // img2, Aortic enlargement: R1 and R2 boxes of IoU 0.5; R3 reads img2 elsewhere only.
    a('img2', 'R1', 'Aortic enlargement', box(0, 0, 10, 10)), a('img2', 'R2', 'Aortic enlargement', box(0, 0, 10, 5)),
    // img3 read by R1 alone: no pairs. A consensus row is skipped.
    a('img3', 'R1', 'Nodule/Mass', box(0, 0, 5, 5)), a('img3', undefined, 'Nodule/Mass', box(0, 0, 5, 5)),
  ];

  it('sums matches and boxes over pairs and images per class', () => {
    const r = boxAgreement(annotations);
    assert.equal(r.annotationsWithoutReader, 1);
    assert.deepEqual(r.classes.map((c) => c.className), ['Aortic enlargement', 'Nodule/Mass']);
    // Nodule/Mass on img1: R1-R2 2 + 2 boxes, 2 matched; R1-R3 2 + 0; R2-R3 2 + 0: F1 = 2*2 / 8; mean IoU (0.8 + 0.9) / 2.
    const nodule = r.classes[1]!;
    assert.deepEqual({ ...nodule, meanIou: 0 }, { className: 'Nodule/Mass', pairImages: 3, boxes: 8, matched: 2, f1: 0.5, meanIou: 0 });
    close(nodule.meanIou, 0.85);
    assert.deepEqual(r.classes[0], { className: 'Aortic enlargement', pairImages: 1, boxes: 2, matched: 1, f1: 1, meanIou: 0.5 });
  });

  it('leaves pairs unmatched below the threshold', () => {
    const aortic = boxAgreement(annotations, { iouThreshold: 0.6 }).classes[0]!;
    assert.equal(aortic.f1, 0);
    assert.ok(Number.isNaN(aortic.meanIou));
  });
});
