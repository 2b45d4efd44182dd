import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearRects } from './clear-rects.js';

/** Covers every pixel of W x H exactly once with the cleared strips plus the image's whole pixels. */
function coverage(W: number, H: number, x0: number, y0: number, x1: number, y1: number): number[] {
  const n = new Array<number>(W * H).fill(0);
  for (const r of clearRects(W, H, x0, y0, x1, y1)) for (let y = r.y; y < r.y + r.height; y++) for (let x = r.x; x < r.x + r.width; x++) n[(H - 1 - y) * W + x]!++;
  return n;
}

describe('clearRects', () => {
  it('clears exactly the pixels not fully inside the image', () => {
    for (const [x0, y0, x1, y1] of [[4.3, 0, 15.5, 12], [-3, -2, 25, 30], [2, 3, 7, 9], [0, 0, 20, 12]] as const) {
      const n = coverage(20, 12, x0, y0, x1, y1);
      for (let y = 0; y < 12; y++) for (let x = 0; x < 20; x++) {
        const inside = x >= Math.ceil(x0) && x + 1 <= Math.floor(x1) && y >= Math.ceil(y0) && y + 1 <= Math.floor(y1);
        assert.equal(n[y * 20 + x], inside ? 0 : 1, `(${x}, ${y}) for ${[x0, y0, x1, y1]}`);
      }
    }
  });

  it('clears everything when the image is off screen, nothing when it covers the buffer', () => {
    assert.deepEqual(clearRects(20, 12, 30, 0, 40, 12), [{ x: 0, y: 0, width: 20, height: 12 }]);
    assert.deepEqual(clearRects(20, 12, -1, -1, 21, 13), []);
  });
});
