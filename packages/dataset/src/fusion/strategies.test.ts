// Majority, union and intersection fusion on an example computed by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Box } from '../model/annotations.js';
import type { ReaderBox } from './cluster-boxes.js';
import { intersectionFusion, majorityFusion, unionFusion } from './strategies.js';

const box = (xMin: number, yMin: number, xMax: number, yMax: number): Box => ({ xMin, yMin, xMax, yMax });
const rb = (reader: string, b: Box): ReaderBox => ({ reader, box: b });
const boxesOf = (fused: { box: Box }[]): Box[] => fused.map((f) => f.box);

// Readers R1, R2, R3; threshold 0.4.
//   a R1 [0,0,10,10]
//   b R2 [2,2,12,12]    IoU with a: 64 / 136 = 0.47 -> joins; mean box [1,1,11,11]
//   c R3 [1,0,11,9]     IoU with [1,1,11,11]: 80 / 110 = 0.73 -> joins: cluster {a,b,c}, 3 readers
//   d R1 [50,50,60,60]
//   e R2 [52,50,62,60]  IoU with d: 80 / 120 = 0.67 -> joins: cluster {d,e}, 2 readers
//   f R3 [100,100,110,110] alone, 1 reader
// majority (>= 2 readers): mean {a,b,c} = [3/3, 2/3, 33/3, 31/3], mean {d,e} = [51,50,61,60]; f dropped.
// union: [0,0,12,12], [50,50,62,60], [100,100,110,110].
// intersection (3 readers): [2,2,10,9] only.
const EXAMPLE = [rb('R1', box(0, 0, 10, 10)), rb('R2', box(2, 2, 12, 12)), rb('R3', box(1, 0, 11, 9)), rb('R1', box(50, 50, 60, 60)), rb('R2', box(52, 50, 62, 60)), rb('R3', box(100, 100, 110, 110))];

describe('fusion strategies', () => {
  it('majority keeps clusters of at least ceil(n/2) readers, at the mean box', () => {
    const fused = majorityFusion(EXAMPLE);
    assert.deepEqual(boxesOf(fused), [box(1, 2 / 3, 11, 31 / 3), box(51, 50, 61, 60)]);
    assert.deepEqual(fused.map((f) => [f.readers, f.confidence, f.members]), [[3, 1, [0, 1, 2]], [2, 2 / 3, [3, 4]]]);
    assert.equal(majorityFusion(EXAMPLE, { minReaders: 3 }).length, 1);
  });

  it('union keeps every cluster, as its enclosing box', () => {
    assert.deepEqual(boxesOf(unionFusion(EXAMPLE)), [box(0, 0, 12, 12), box(50, 50, 62, 60), box(100, 100, 110, 110)]);
  });

  it('intersection keeps clusters of every reader, as their common region', () => {
    assert.deepEqual(boxesOf(intersectionFusion(EXAMPLE)), [box(2, 2, 10, 9)]);
  });

  it('intersection drops a cluster whose boxes only touch', () => {
    // Threshold 0.1: [0,0,10,10] and [5,0,15,10] (IoU 1/3) -> mean [2.5,0,12.5,10]; [10,0,20,10]
    // overlaps that mean by 25 / 175 = 0.14 -> joins; common region x in [10, 10]: empty.
    const touching = [rb('R1', box(0, 0, 10, 10)), rb('R2', box(5, 0, 15, 10)), rb('R3', box(10, 0, 20, 10))];
    assert.equal(unionFusion(touching, { iouThreshold: 0.1 }).length, 1);
    assert.deepEqual(intersectionFusion(touching, { iouThreshold: 0.1 }), []);
  });

  it('does not count a reader twice', () => {
    // Two boxes of R1 in one cluster: 1 reader of 3, below the majority of 2.
    const same = [rb('R1', box(0, 0, 10, 10)), rb('R1', box(1, 0, 11, 10))];
    assert.deepEqual(majorityFusion(same, { readers: ['R1', 'R2', 'R3'] }), []);
    assert.deepEqual(unionFusion(same, { readers: ['R1', 'R2', 'R3'] }).map((f) => f.readers), [1]);
  });

  it('rejects a bad minReaders', () => {
    assert.throws(() => majorityFusion(EXAMPLE, { minReaders: 0 }), RangeError);
  });
});
