import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { actualSizeViewport, fitViewport, imageToScreen, MAX_SCALE, panBy, screenToImage, zoomAround } from './viewport.js';

describe('fitViewport', () => {
  it('fits a tall image by its height and centres it horizontally', () => {
    // 2788 x 2446 in 1000 x 500: scale = min(1000/2788, 500/2446) = 500/2446
    const v = fitViewport(2788, 2446, 1000, 500);
    assert.equal(v.scale, 500 / 2446);
    assert.equal(v.y, 0);
    assert.ok(Math.abs(v.x - (1000 - 2788 * (500 / 2446)) / 2) < 1e-9);
    assert.ok(Math.abs(v.x - 215.0449) < 1e-3);
  });
  it('fits a wide image by its width and centres it vertically', () => {
    assert.deepEqual(fitViewport(200, 100, 400, 400), { scale: 2, x: 0, y: 100 });
  });
  it('answers scale 1 for an empty view', () => {
    assert.deepEqual(fitViewport(200, 100, 0, 400), { scale: 1, x: 0, y: 0 });
  });
});

describe('screenToImage / imageToScreen', () => {
  const v = { scale: 0.5, x: 10, y: 20 };
  it('maps image to screen as x + image * scale', () => {
    assert.deepEqual(imageToScreen(v, { x: 100, y: 40 }), { x: 60, y: 40 });
    assert.deepEqual(imageToScreen(v, { x: 0, y: 0 }), { x: 10, y: 20 });
  });
  it('is the inverse', () => {
    assert.deepEqual(screenToImage(v, { x: 60, y: 40 }), { x: 100, y: 40 });
    for (const p of [{ x: 3.25, y: 7.5 }, { x: 1000, y: -4 }]) assert.deepEqual(screenToImage(v, imageToScreen(v, p)), p);
  });
});

describe('zoomAround / panBy / actualSizeViewport', () => {
  it('keeps the image point under the cursor', () => {
    const v = { scale: 0.5, x: 10, y: 20 };
    const cursor = { x: 110, y: 70 };
    const before = screenToImage(v, cursor); // (200, 100)
    const z = zoomAround(v, cursor, 3);
    assert.equal(z.scale, 1.5);
    assert.deepEqual(screenToImage(z, cursor), before);
    assert.deepEqual(z, { scale: 1.5, x: 110 - 200 * 1.5, y: 70 - 100 * 1.5 });
  });
  it('clamps the scale', () => {
    assert.equal(zoomAround({ scale: 10, x: 0, y: 0 }, { x: 0, y: 0 }, 100).scale, MAX_SCALE);
  });
  it('pans in screen px', () => {
    assert.deepEqual(panBy({ scale: 2, x: 1, y: 2 }, 5, -7), { scale: 2, x: 6, y: -5 });
  });
  it('actual size is one image pixel per device pixel, around the view centre', () => {
    const v = { scale: 0.25, x: 0, y: 0 };
    const a = actualSizeViewport(v, 800, 600, 2);
    assert.equal(a.scale, 0.5);
    assert.deepEqual(screenToImage(a, { x: 400, y: 300 }), screenToImage(v, { x: 400, y: 300 }));
  });
});
