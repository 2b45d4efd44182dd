import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { burnText, burnedTextSize } from './burn-text.js';

/** The frame as rows of '#' (value) and '.' (anything else). */
const picture = (p: Uint16Array, columns: number, value: number): string[] =>
  Array.from({ length: p.length / columns }, (_, y) => [...p.subarray(y * columns, (y + 1) * columns)].map((v) => (v === value ? '#' : '.')).join(''));

describe('burnText', () => {
  it('draws 5 x 7 glyphs one dot apart and returns the box of what it drew', () => {
    const p = new Uint16Array(14 * 9);
    const box = burnText(p, 14, 'L1', { x: 1, y: 1, value: 4095 });
    assert.deepEqual(box, { x: 1, y: 1, width: 10, height: 7 });
    assert.deepEqual(picture(p, 14, 4095), [
      '..............',
      '.#.......#....',
      '.#......##....',
      '.#.......#....',
      '.#.......#....',
      '.#.......#....',
      '.#.......#....',
      '.#####..###...',
      '..............',
    ]);
  });

  it('scales every dot to a square of `scale` pixels and leaves other pixels alone', () => {
    const p = new Uint16Array(40 * 30).fill(7);
    const box = burnText(p, 40, '-', { x: 3, y: 2, scale: 3, value: 0 });
    assert.deepEqual(box, { x: 3, y: 11, width: 15, height: 3 });
    assert.equal(p.filter((v) => v === 0).length, 45);
    assert.equal(p.filter((v) => v === 7).length, 40 * 30 - 45);
    assert.deepEqual(burnedTextSize('DOE^JOHN', 3), { width: (8 * 6 - 1) * 3, height: 21 });
  });

  it('writes every sample of a colour pixel, clips at the edges, and rejects unknown characters', () => {
    const rgb = new Uint8Array(8 * 8 * 3);
    const box = burnText(rgb, 8, 'I', { x: 5, y: 4, value: 200, samplesPerPixel: 3 });
    assert.deepEqual(box, { x: 6, y: 4, width: 2, height: 4 });
    assert.deepEqual([...rgb.subarray((4 * 8 + 5) * 3, (4 * 8 + 6) * 3)], [0, 0, 0]);
    assert.deepEqual([...rgb.subarray((4 * 8 + 6) * 3, (4 * 8 + 7) * 3)], [200, 200, 200]);
    assert.deepEqual(burnText(new Uint16Array(16), 4, 'A', { x: 10, y: 0, value: 1 }), { x: 0, y: 0, width: 0, height: 0 });
    assert.throws(() => burnText(new Uint16Array(64), 8, 'é', { x: 0, y: 0, value: 1 }), /no glyph/);
  });
});
