import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cohenKappa, cohenKappaFromTable, fleissKappa } from './kappa.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);
const ratings = (pairs: [number, number, number][]): [number[], number[]] => {
  const [a, b]: [number[], number[]] = [[], []];
  for (const [x, y, n] of pairs) for (let i = 0; i < n; i++) { a.push(x); b.push(y); }
  return [a, b];
};

describe('cohenKappa', () => {
  it('gives 0.4 on the Wikipedia example (50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15)', () => {
    // po = 35/50 = 0.7; A says yes 25/50, B 30/50: pe = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; (0.7 - 0.5) / 0.5 = 0.4.
    close(cohenKappaFromTable([[20, 5], [10, 15]]), 0.4);
    const [a, b] = ratings([[1, 1, 20], [1, 0, 5], [0, 1, 10], [0, 0, 15]]);
    close(cohenKappa(a, b), 0.4);
    close(cohenKappa(b, a), 0.4);
  });

  it('handles more than two categories', () => {
    // 3 categories, n = 10, diagonal 2 + 2 + 2 = 6: po = 0.6; rows 4,3,3, columns 3,4,3:
    // pe = (12 + 12 + 9) / 100 = 0.33; kappa = 0.27 / 0.67.
    close(cohenKappaFromTable([[2, 1, 1], [1, 2, 0], [0, 1, 2]]), 0.27 / 0.67);
    close(cohenKappa(['a', 'b', 'c', 'a'], ['a', 'b', 'c', 'a']), 1);
  });

  it('is NaN when chance explains everything, 0 or negative otherwise at the edges', () => {
    assert.ok(Number.isNaN(cohenKappa([1, 1, 1], [1, 1, 1])), 'both raters all one category: pe = 1');
    assert.ok(Number.isNaN(cohenKappa([], [])));
    assert.equal(cohenKappa([1, 1, 1], [0, 0, 0]), 0, 'each rater one category, different ones: pe = po = 0');
    assert.equal(cohenKappa([0, 1, 0, 1], [1, 0, 1, 0]), -1);
    assert.equal(cohenKappa([1, 0, 0, 1], [1, 0, 0, 1]), 1);
  });

  it('rejects mismatched inputs', () => {
    assert.throws(() => cohenKappa([1], [1, 0]), RangeError);
    assert.throws(() => cohenKappaFromTable([[1, 2], [3]]), RangeError);
  });
});

describe('fleissKappa', () => {
  it('gives 0.210 on the Fleiss (1971) / Wikipedia example: 10 items, 14 raters, 5 categories', () => {
    const counts = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]];
    // P = 172/455 = 0.378, Pe = 417/1960 = 0.213, kappa = 4211/20059 (exact, in fractions).
    close(fleissKappa(counts), 4211 / 20059);
    assert.equal(fleissKappa(counts).toFixed(3), '0.210');
  });

  it('handles binary labels by hand', () => {
    // 3 raters, counts [negative, positive]: P_i = 1, 1, 1/3, 1/3 -> P = 2/3; p = (1/2, 1/2) -> Pe = 1/2; kappa 1/3.
    close(fleissKappa([[0, 3], [3, 0], [2, 1], [1, 2]]), 1 / 3);
    // Two raters: Fleiss' kappa is Scott's pi. 4 items, 2 agree on yes, 2 disagree: P = 1/2, p = (1/4, 3/4), Pe = 5/8.
    close(fleissKappa([[0, 2], [0, 2], [1, 1], [1, 1]]), (1 / 2 - 5 / 8) / (3 / 8));
  });

  it('is NaN when every rating is one category or there are no items; 1 on perfect agreement otherwise', () => {
    assert.ok(Number.isNaN(fleissKappa([[0, 3], [0, 3]])));
    assert.ok(Number.isNaN(fleissKappa([])));
    assert.equal(fleissKappa([[0, 3], [3, 0]]), 1);
  });

  it('needs the same number (>= 2) of ratings per item', () => {
    assert.throws(() => fleissKappa([[0, 3], [1, 1]]), /item 1 has 2 ratings/);
    assert.throws(() => fleissKappa([[0, 1], [1, 0]]), /at least 2/);
  });
});
