import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dragZoomFactor, formatWindowValue, wheelPixels, wheelZoomFactor, windowAfterDrag, wlUnitsPerPixel } from './gestures.js';

describe('window/level drag', () => {
  it('is proportional to the data range', () => {
    assert.equal(wlUnitsPerPixel(0, 4095), 4095 / 1024);
    assert.equal(wlUnitsPerPixel(871, 26481), 25610 / 1024);
    assert.equal(wlUnitsPerPixel(10, 12), 64 / 1024); // a flat image still moves
  });
  it('right widens, down raises the centre (lowers it when the display is inverted)', () => {
    assert.deepEqual(windowAfterDrag({ center: 1000, width: 2000 }, 100, 50, 4, false), { center: 1200, width: 2400 });
    assert.deepEqual(windowAfterDrag({ center: 1000, width: 2000 }, 100, 50, 4, true), { center: 800, width: 2400 });
  });
  it('keeps the width >= 1', () => {
    assert.equal(windowAfterDrag({ center: 0, width: 10 }, -1000, 0, 4, false).width, 1);
  });
});

describe('zoom gestures', () => {
  it('drag up 200 px doubles, down halves', () => {
    assert.equal(dragZoomFactor(-200), 2);
    assert.equal(dragZoomFactor(200), 0.5);
  });
  it('wheel: lines and pages become pixels; down zooms out', () => {
    assert.equal(wheelPixels(3, 1, 800), 120);
    assert.equal(wheelPixels(1, 2, 800), 800);
    assert.ok(wheelZoomFactor(100) < 1 && wheelZoomFactor(-100) > 1);
    assert.equal(wheelZoomFactor(400), 0.5);
    assert.equal(wheelZoomFactor(-100000), 2 ** (500 / 400));
  });
});

describe('formatWindowValue', () => {
  it('shows integers for large values, decimals for small ones', () => {
    assert.equal(formatWindowValue(2047.5), '2048');
    assert.equal(formatWindowValue(12.25), '12.3');
    assert.equal(formatWindowValue(0.125), '0.13');
    assert.equal(formatWindowValue(-600), '-600');
  });
});
