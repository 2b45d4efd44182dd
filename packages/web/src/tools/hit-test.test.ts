import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocBox, Rect } from './editor-types.js';
import { boxesAt, handleAt, hitTest, onBorder, topmostAt } from './hit-test.js';

const box = (key: string, xMin: number, yMin: number, xMax: number, yMax: number): DocBox => ({ key, label: 'L', xMin, yMin, xMax, yMax });

describe('hit testing', () => {
  const a = box('a', 0, 0, 100, 100);
  const b = box('b', 50, 50, 150, 150); // drawn after a: on top
  const boxes = [a, b];

  it('boxesAt lists the boxes under a point topmost (last drawn) first', () => {
    assert.deepEqual(boxesAt(boxes, 75, 75), [1, 0]);
    assert.deepEqual(boxesAt(boxes, 25, 25), [0]);
    assert.deepEqual(boxesAt(boxes, 200, 200), []);
    assert.deepEqual(boxesAt(boxes, 153, 100, 5), [1]);
    assert.equal(topmostAt(boxes, 75, 75), 1);
    assert.equal(topmostAt(boxes, 200, 200), -1);
  });

  it('with no selection, a border hit goes to the topmost box; insides are no hit', () => {
    assert.deepEqual(hitTest(boxes, null, 100, 50, 6), { index: 1, key: 'b', part: 'border', handle: null });
    assert.deepEqual(hitTest(boxes, null, 100, 75, 6), { index: 0, key: 'a', part: 'border', handle: null });
    assert.equal(hitTest(boxes, null, 75, 75, 6), null);
    assert.equal(hitTest(boxes, null, 25, 25, 6), null);
  });

  it('the selected box comes first: its handles, then other borders, then its inside', () => {
    assert.deepEqual(hitTest(boxes, 'a', 100, 50, 6), { index: 0, key: 'a', part: 'handle', handle: 'e' });
    assert.deepEqual(hitTest(boxes, 'a', 100, 100, 6), { index: 0, key: 'a', part: 'handle', handle: 'se' });
    assert.deepEqual(hitTest(boxes, 'a', 52, 75, 6), { index: 1, key: 'b', part: 'border', handle: null });
    assert.deepEqual(hitTest(boxes, 'a', 75, 75, 6), { index: 0, key: 'a', part: 'inside', handle: null });
    assert.deepEqual(hitTest(boxes, 'b', 75, 75, 6), { index: 1, key: 'b', part: 'inside', handle: null });
    assert.equal(hitTest(boxes, 'a', 120, 120, 6), null, 'the inside of the unselected box b');
  });

  it('handleAt: corners, edges, nothing in the middle; the reach inside is capped for small boxes', () => {
    const r: Rect = { xMin: 100, yMin: 100, xMax: 200, yMax: 180 };
    assert.equal(handleAt(r, 95, 95, 6), 'nw');
    assert.equal(handleAt(r, 205, 185, 6), 'se');
    assert.equal(handleAt(r, 204, 96, 6), 'ne');
    assert.equal(handleAt(r, 96, 184, 6), 'sw');
    assert.equal(handleAt(r, 150, 104, 6), 'n');
    assert.equal(handleAt(r, 150, 176, 6), 's');
    assert.equal(handleAt(r, 104, 140, 6), 'w');
    assert.equal(handleAt(r, 196, 140, 6), 'e');
    assert.equal(handleAt(r, 150, 140, 6), null);
    assert.equal(handleAt(r, 207, 140, 6), null);
    const small: Rect = { xMin: 0, yMin: 0, xMax: 8, yMax: 8 };
    assert.equal(handleAt(small, 4, 4, 6), null);
    assert.equal(handleAt(small, 1.5, 4, 6), 'w');
    assert.equal(handleAt(small, -5, 4, 6), 'w');
  });

  it('onBorder: within the tolerance of an edge, inside or out', () => {
    const r: Rect = { xMin: 100, yMin: 100, xMax: 200, yMax: 200 };
    assert.equal(onBorder(r, 94, 150, 6), true);
    assert.equal(onBorder(r, 106, 150, 6), true);
    assert.equal(onBorder(r, 107, 150, 6), false);
    assert.equal(onBorder(r, 93, 150, 6), false);
    assert.equal(onBorder({ xMin: 0, yMin: 0, xMax: 10, yMax: 10 }, 5, 5, 6), true, 'a small box is all border');
  });

  it('500 boxes: hitTest and boxesAt agree with a brute-force reference at 5000 points', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const many: DocBox[] = [];
    for (let i = 0; i < 500; i++) {
      const x = rand() * 950;
      const y = rand() * 750;
      many.push(box(`k${i}`, x, y, x + 2 + rand() * 150, y + 2 + rand() * 150));
    }
    const tol = 6;
    // Distance from a point to a rectangle's border: inside, to the nearest edge; outside, Chebyshev.
    const borderDist = (r: Rect, x: number, y: number) => {
      const inside = x >= r.xMin && x <= r.xMax && y >= r.yMin && y <= r.yMax;
      return inside ? Math.min(x - r.xMin, r.xMax - x, y - r.yMin, r.yMax - y) : Math.max(r.xMin - x, x - r.xMax, r.yMin - y, y - r.yMax);
    };
    // The selected box's handles reach `tol` outside, and inside at most a quarter of the side.
    const onHandle = (r: Rect, x: number, y: number) => {
      const inside = x >= r.xMin && x <= r.xMax && y >= r.yMin && y <= r.yMax;
      if (!inside) return borderDist(r, x, y) <= tol;
      return Math.min(x - r.xMin, r.xMax - x) <= Math.min(tol, (r.xMax - r.xMin) / 4) || Math.min(y - r.yMin, r.yMax - y) <= Math.min(tol, (r.yMax - r.yMin) / 4);
    };
    let hits = 0;
    const parts = new Set<string>();
    for (let p = 0; p < 5000; p++) {
      const x = rand() * 1000;
      const y = rand() * 800;
      const ref = many.map((r, i) => ({ r, i })).filter(({ r }) => x >= r.xMin && x <= r.xMax && y >= r.yMin && y <= r.yMax).map(({ i }) => i).reverse();
      // A third with no selection, a third a random one, a third one of the boxes under the point.
      const under = ref[Math.floor(rand() * ref.length)];
      const selected = p % 3 === 0 ? null : p % 3 === 1 || under === undefined ? `k${Math.floor(rand() * 500)}` : `k${under}`;
      assert.deepEqual(boxesAt(many, x, y), ref);
      const got = hitTest(many, selected, x, y, tol);
      const sel = selected === null ? -1 : Number(selected.slice(1));
      let want: { index: number; part: string } | null = null;
      if (sel >= 0 && onHandle(many[sel]!, x, y)) want = { index: sel, part: 'handle' };
      if (!want) {
        for (let i = many.length - 1; i >= 0; i--) {
          if (i !== sel && borderDist(many[i]!, x, y) <= tol) { want = { index: i, part: 'border' }; break; }
        }
      }
      if (!want && sel >= 0 && ref.includes(sel)) want = { index: sel, part: 'inside' };
      assert.deepEqual(got && { index: got.index, part: got.part }, want, `point ${x},${y} selected ${selected}`);
      if (got) { hits++; parts.add(got.part); }
    }
    assert.ok(hits > 1000, `the test points hit boxes (${hits})`);
    assert.deepEqual([...parts].sort(), ['border', 'handle', 'inside']);
  });
});
