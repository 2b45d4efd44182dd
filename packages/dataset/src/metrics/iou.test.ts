import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iou } from './iou.js';

const box = (xMin: number, yMin: number, xMax: number, yMax: number) => ({ xMin, yMin, xMax, yMax });

describe('iou', () => {
  it('divides the overlap by the union, on continuous coordinates (no +1)', () => {
    // [0,10]x[0,10] and [5,15]x[0,10]: overlap 5*10 = 50, union 100 + 100 - 50 = 150.
    assert.equal(iou(box(0, 0, 10, 10), box(5, 0, 15, 10)), 50 / 150);
    // [0,10]^2 and [5,15]^2: overlap 25, union 175.
    assert.equal(iou(box(0, 0, 10, 10), box(5, 5, 15, 15)), 25 / 175);
    assert.equal(iou(box(5, 5, 15, 15), box(0, 0, 10, 10)), 25 / 175, 'symmetric');
  });

  it('is 1 for identical boxes and the area ratio for a contained one', () => {
    assert.equal(iou(box(1.5, 2.5, 7.5, 9.5), box(1.5, 2.5, 7.5, 9.5)), 1);
    assert.equal(iou(box(0, 0, 10, 10), box(2, 2, 6, 7)), 20 / 100);
  });

  it('is 0 for disjoint boxes and boxes touching along an edge or at a corner', () => {
    assert.equal(iou(box(0, 0, 10, 10), box(20, 20, 30, 30)), 0);
    assert.equal(iou(box(0, 0, 10, 10), box(10, 0, 20, 10)), 0);
    assert.equal(iou(box(0, 0, 10, 10), box(0, 10, 10, 20)), 0);
    assert.equal(iou(box(0, 0, 10, 10), box(10, 10, 20, 20)), 0);
  });

  it('is 0 for zero-area and inverted boxes, even identical ones', () => {
    assert.equal(iou(box(0, 0, 10, 10), box(5, 5, 5, 8)), 0);
    assert.equal(iou(box(5, 5, 5, 5), box(5, 5, 5, 5)), 0);
    assert.equal(iou(box(3, 3, 3, 9), box(3, 3, 3, 9)), 0);
    assert.equal(iou(box(0, 0, 10, 10), box(8, 8, 2, 2)), 0);
  });
});
