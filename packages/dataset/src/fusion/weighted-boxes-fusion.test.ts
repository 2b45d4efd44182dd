// Weighted Boxes Fusion on cases computed by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Box } from '../model/annotations.js';
import { boxIou } from './box-iou.js';
import type { ReaderBox } from './cluster-boxes.js';
import { weightedBoxesFusion } from './weighted-boxes-fusion.js';

const box = (xMin: number, yMin: number, xMax: number, yMax: number): Box => ({ xMin, yMin, xMax, yMax });
const rb = (reader: string, b: Box, score?: number): ReaderBox => ({ reader, box: b, ...(score === undefined ? {} : { score }) });
const close = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);
const closeBox = (a: Box, e: Box): void => (['xMin', 'yMin', 'xMax', 'yMax'] as const).forEach((k) => close(a[k], e[k]));
const THREE = ['R1', 'R2', 'R3'];

describe('weightedBoxesFusion', () => {
  it('fuses two overlapping boxes of two readers at their average and keeps a third reader\'s far box apart', () => {
    // IoU([0,0,10,10], [2,0,12,10]) = 80 / 120 > 0.4. Unit scores: confidence min(M, n) / M with M = 3.
    const fused = weightedBoxesFusion([rb('R1', box(0, 0, 10, 10)), rb('R2', box(2, 0, 12, 10)), rb('R3', box(100, 100, 110, 110))], { readers: THREE });
    assert.deepEqual(fused, [
      { box: box(1, 0, 11, 10), confidence: 2 / 3, readers: 2, members: [0, 1] },
      { box: box(100, 100, 110, 110), confidence: 1 / 3, readers: 1, members: [2] },
    ]);
  });

  it('needs an IoU strictly above the threshold, as ensemble_boxes does', () => {
    // [0,0,10,10] and [0,0,10,4]: intersection 40, union 100: IoU exactly 0.4.
    const boxes = [rb('R1', box(0, 0, 10, 10)), rb('R2', box(0, 0, 10, 4))];
    assert.equal(boxIou(boxes[0]!.box, boxes[1]!.box), 0.4);
    assert.equal(weightedBoxesFusion(boxes, { iouThreshold: 0.4 }).length, 2);
    assert.equal(weightedBoxesFusion(boxes, { iouThreshold: 0.39 }).length, 1);
  });

  it('counts a reader once in `readers` but each box in the confidence', () => {
    // R1 [0,0,10,10]; R1 [1,0,11,10] joins (IoU 90/110), fused [0.5,0,10.5,10]; R2 [0,1,10,11] joins
    // (IoU 85.5/114.5). Box = mean = [1/3, 1/3, 31/3, 31/3]; confidence (3/3) x min(3, 3) / 3 = 1.
    const [f, ...rest] = weightedBoxesFusion([rb('R1', box(0, 0, 10, 10)), rb('R1', box(1, 0, 11, 10)), rb('R2', box(0, 1, 10, 11))], { readers: THREE });
    assert.equal(rest.length, 0);
    closeBox(f!.box, box(1 / 3, 1 / 3, 31 / 3, 31 / 3));
    assert.equal(f!.readers, 2);
    assert.equal(f!.confidence, 1);
  });

  it('weights coordinates by score and takes the highest score first', () => {
    // B (0.3) first in input, A (0.9) first in fusion. IoU 60/140 > 0.4. x: (0.9*0 + 0.3*4) / 1.2 = 1,
    // (0.9*10 + 0.3*14) / 1.2 = 11. Confidence (1.2 / 2) x 2 / 2 = 0.6.
    const [f] = weightedBoxesFusion([rb('R2', box(4, 0, 14, 10), 0.3), rb('R1', box(0, 0, 10, 10), 0.9)]);
    closeBox(f!.box, box(1, 0, 11, 10));
    close(f!.confidence, 0.6);
    assert.deepEqual(f!.members, [1, 0]);
  });

  it('weights readers', () => {
    // R1 weighs 2: x (2*0 + 3) / 3 = 1, (20 + 13) / 3 = 11; confidence (3 / 2) x 2 / 3 = 1.
    const [f] = weightedBoxesFusion([rb('R1', box(0, 0, 10, 10)), rb('R2', box(3, 0, 13, 10))], { weights: { R1: 2 } });
    closeBox(f!.box, box(1, 0, 11, 10));
    close(f!.confidence, 1);
  });

  it('computes each conf_type', () => {
    // R1 0.8 and 0.6, R2 0.4, one cluster; M = 3, n = 3, sum 1.8, c = 0.6.
    const boxes = [rb('R1', box(0, 0, 10, 10), 0.8), rb('R1', box(1, 0, 11, 10), 0.6), rb('R2', box(0, 1, 10, 11), 0.4)];
    const conf = (o: Parameters<typeof weightedBoxesFusion>[1]): number => weightedBoxesFusion(boxes, { readers: THREE, ...o })[0]!.confidence;
    close(conf({ confType: 'avg' }), 0.6); // 0.6 x min(3, 3) / 3
    close(conf({ confType: 'max' }), 0.8); // max 0.8 / max weight 1
    close(conf({ confType: 'box_and_model_avg' }), 0.4); // 0.6 x 3 / 3 x 2 readers' weights / 3
    close(conf({ confType: 'absent_model_aware_avg' }), 0.45); // 0.6 x 3 / (3 + 1 absent)
    close(conf({ readers: ['R1', 'R2'] }), 0.6); // 0.6 x min(2, 3) / 2
    close(conf({ readers: ['R1', 'R2'], allowsOverflow: true }), 0.9); // 0.6 x 3 / 2
  });

  it('skips low scores and zero-area boxes, and orders swapped corners', () => {
    const fused = weightedBoxesFusion([rb('R1', box(10, 10, 0, 0), 0.5), rb('R2', box(5, 5, 5, 9), 0.9), rb('R3', box(0, 0, 10, 10), 0.2)], { skipBoxThreshold: 0.3 });
    assert.deepEqual(fused, [{ box: box(0, 0, 10, 10), confidence: 0.5 / 3, readers: 1, members: [0] }]);
  });

  it('gives the same result on normalised coordinates, scaled back', () => {
    const boxes = [rb('R1', box(310, 402, 900, 1013), 0.7), rb('R2', box(355, 380, 950, 990), 0.9), rb('R3', box(290, 420, 870, 1040), 0.4), rb('R3', box(1500, 90, 1800, 400), 0.8)];
    const [w, h] = [2048, 2500];
    const scaled = boxes.map((b) => ({ ...b, box: box(b.box.xMin / w, b.box.yMin / h, b.box.xMax / w, b.box.yMax / h) }));
    const inPixels = weightedBoxesFusion(boxes);
    const normalised = weightedBoxesFusion(scaled);
    assert.equal(inPixels.length, 2);
    inPixels.forEach((f, i) => {
      const n = normalised[i]!;
      assert.ok(Math.abs(f.box.xMin - n.box.xMin * w) < 1e-9 && Math.abs(f.box.yMax - n.box.yMax * h) < 1e-9);
      assert.deepEqual([f.confidence, f.readers, f.members], [n.confidence, n.readers, n.members]);
    });
  });

  it('rejects a reader missing from options.readers and bad thresholds or weights', () => {
    assert.throws(() => weightedBoxesFusion([rb('R4', box(0, 0, 1, 1))], { readers: THREE }), RangeError);
    assert.throws(() => weightedBoxesFusion([], { iouThreshold: 1.5 }), RangeError);
    assert.throws(() => weightedBoxesFusion([rb('R1', box(0, 0, 1, 1))], { weights: { R1: 0 } }), RangeError);
    assert.deepEqual(weightedBoxesFusion([]), []);
  });
});
