import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildLevels, halveSamples, LevelPyramid, levelFor } from './pixel-levels.js';

describe('halveSamples', () => {
  it('averages 2x2 blocks, rounding half up', () => {
    // 4x2: blocks [1,2,5,6] -> 3.5 -> 4 (rounded), [3,4,7,8] -> 5.5 -> 6
    const h = halveSamples(Uint16Array.from([1, 2, 3, 4, 5, 6, 7, 8]), 4, 2);
    assert.deepEqual([h.width, h.height, [...h.samples]], [2, 1, [4, 6]]);
  });
  it('averages what an odd last row and column have', () => {
    // 3x3: [10,20,40,50]->30, [30,60]->45, [70,80]->75, [90]->90
    const h = halveSamples(Uint16Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90]), 3, 3);
    assert.deepEqual([h.width, h.height, [...h.samples]], [2, 2, [30, 45, 75, 90]]);
  });
  it('keeps full-scale values in range', () => {
    assert.deepEqual([...halveSamples(Uint16Array.from([65535, 65535, 65535, 65535]), 2, 2).samples], [65535]);
  });
});

describe('buildLevels / levelFor', () => {
  it('halves until the long side would drop below minSide', () => {
    const levels = buildLevels(new Uint16Array(2788 * 2446), 2788, 2446);
    assert.deepEqual(levels.map((l) => [l.factor, l.width, l.height]), [[2, 1394, 1223], [4, 697, 612], [8, 349, 306]]);
  });
  it('picks the coarsest level whose pixel covers at most one device pixel', () => {
    const levels = [{ factor: 2 }, { factor: 4 }, { factor: 8 }];
    assert.equal(levelFor(1.5, levels), 0);
    assert.equal(levelFor(1, levels), 0);
    assert.equal(levelFor(0.9, levels), 0);
    assert.equal(levelFor(0.5, levels), 1);
    assert.equal(levelFor(0.4, levels), 1);
    assert.equal(levelFor(0.25, levels), 2);
    assert.equal(levelFor(0.2, levels), 2);
    assert.equal(levelFor(0.01, levels), 3);
  });
});

describe('LevelPyramid', () => {
  it('built band by band equals built at once', () => {
    const w = 1031;
    const h = 777;
    const samples = Uint16Array.from({ length: w * h }, (_, i) => (i * 2654435761) >>> 20);
    const whole = buildLevels(samples, w, h, 64);
    const p = new LevelPyramid(samples, w, h, 64);
    for (const rows of [1, 2, 37, 38, 100, 500, 776, 777]) p.advance(rows);
    assert.equal(p.levels.length, 4); // 516, 258, 129, 65 wide
    assert.deepEqual(p.levels.map((l) => [l.factor, l.width, l.height]), whole.map((l) => [l.factor, l.width, l.height]));
    for (let k = 0; k < whole.length; k++) assert.deepEqual(p.levels[k]!.samples, whole[k]!.samples, `level ${k}`);
  });
});
