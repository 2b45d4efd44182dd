// Consensus annotations: grouping by image and class, boxless labels by majority, output order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation, Box } from '../model/annotations.js';
import { fuseAnnotations } from './fuse-annotations.js';

const box = (xMin: number, yMin: number, xMax: number, yMax: number): Box => ({ xMin, yMin, xMax, yMax });
const row = (imageId: string, radId: string, className: string, b?: Box): Annotation => ({ imageId, radId, className, ...(b ? { box: b } : {}) });

// img1: R1 and R2 mark the same nodule (fused [1,0,11,10]), R3 says No finding (1 of 3: dropped);
//       all three mark the aorta at [10,10,20,20]; R1 marks a second aorta box far off.
// img0: all three say No finding (kept once, score 3); R1 and R2 say COPD (2 of 3: kept).
const ROWS: Annotation[] = [
  row('img1', 'R1', 'Nodule/Mass', box(0, 0, 10, 10)),
  row('img1', 'R3', 'No finding'),
  row('img1', 'R2', 'Nodule/Mass', box(2, 0, 12, 10)),
  row('img1', 'R1', 'Aortic enlargement', box(500, 500, 520, 520)),
  ...['R1', 'R2', 'R3'].map((r) => row('img1', r, 'Aortic enlargement', box(10, 10, 20, 20))),
  ...['R3', 'R2', 'R1'].map((r) => row('img0', r, 'No finding')),
  row('img0', 'R1', 'COPD'),
  row('img0', 'R2', 'COPD'),
];

const summary = (method: 'wbf' | 'majority' | 'union' | 'intersection', minReaders?: number): string[] =>
  fuseAnnotations(ROWS, { method, minReaders }).map((a) => `${a.imageId} ${a.className} ${a.box ? Object.values(a.box).join(',') : '-'} ${a.score}`);

describe('fuseAnnotations', () => {
  it('fuses with WBF, counts agreeing readers and keeps the confidence', () => {
    const fused = fuseAnnotations(ROWS, { method: 'wbf' });
    assert.deepEqual(summary('wbf'), [
      'img0 COPD - 2', 'img0 No finding - 3',
      'img1 Aortic enlargement 10,10,20,20 3', 'img1 Aortic enlargement 500,500,520,520 1',
      'img1 Nodule/Mass 1,0,11,10 2',
    ]);
    assert.deepEqual(fused.map((a) => a.confidence), [2 / 3, 1, 1, 1 / 3, 2 / 3]);
    assert.ok(fused.every((a) => a.radId === undefined && !('radId' in a)));
  });

  it('applies minReaders to boxes only', () => {
    assert.deepEqual(summary('wbf', 3), ['img0 COPD - 2', 'img0 No finding - 3', 'img1 Aortic enlargement 10,10,20,20 3']);
  });

  it('fuses with each strategy', () => {
    assert.deepEqual(summary('majority').slice(2), ['img1 Aortic enlargement 10,10,20,20 3', 'img1 Nodule/Mass 1,0,11,10 2']);
    assert.deepEqual(summary('union').slice(2), ['img1 Aortic enlargement 10,10,20,20 3', 'img1 Aortic enlargement 500,500,520,520 1', 'img1 Nodule/Mass 0,0,12,10 2']);
    assert.deepEqual(summary('intersection').slice(2), ['img1 Aortic enlargement 10,10,20,20 3']);
  });

  it('counts the readers of an image from all its rows', () => {
    // Only R1 and R2 read img2: their shared box is agreed on by all (confidence 1, intersection keeps it).
    const two = [row('img2', 'R1', 'Cardiomegaly', box(0, 0, 10, 10)), row('img2', 'R2', 'Cardiomegaly', box(0, 0, 10, 10))];
    assert.deepEqual(fuseAnnotations(two, { method: 'wbf' }).map((a) => a.confidence), [1]);
    assert.equal(fuseAnnotations(two, { method: 'intersection' }).length, 1);
  });

  it('rejects an unknown method and a bad minReaders', () => {
    assert.throws(() => fuseAnnotations(ROWS, { method: 'vote' as 'wbf' }), RangeError);
    assert.throws(() => fuseAnnotations(ROWS, { method: 'wbf', minReaders: 1.5 }), RangeError);
  });
});
