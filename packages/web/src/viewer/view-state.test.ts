import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cornerText, needsFit, openingView, sameView } from './view-state.js';
import type { PixelImage } from './types.js';

describe('view state', () => {
  it('compares views by value', () => {
    const a = { window: { center: 1, width: 2 }, invert: false, viewport: { scale: 1, x: 0, y: 0 } };
    assert.ok(sameView(a, structuredClone(a)));
    assert.ok(!sameView(a, { ...a, invert: true }));
    assert.ok(!sameView(a, { ...a, window: { center: 1, width: 3 } }));
    assert.ok(!sameView(a, { ...a, viewport: { scale: 1, x: 0, y: 0.5 } }));
  });
  it('opens with a viewport to fit', () => {
    const v = openingView({ center: 100, width: 50 });
    assert.ok(needsFit(v));
    assert.ok(!needsFit({ ...v, viewport: { scale: 0.4, x: 0, y: 0 } }));
  });
  it('writes the corner text; zoom 100% is one image pixel per device pixel', () => {
    const image = { width: 2788, height: 2446, bitsStored: 15 } as PixelImage;
    const t = cornerText(image, { window: { center: 2047.5, width: 4096 }, invert: true, viewport: { scale: 0.2, x: 0, y: 0 } }, 2);
    assert.equal(t.bottomLeft, 'W 4096  L 2048  INV');
    assert.equal(t.bottomRight, '40%\n2788 \u00d7 2446  15-bit');
  });
});
