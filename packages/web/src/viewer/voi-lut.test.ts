import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleWindow, validWindow, voiLinear, windowFromRange, windowRange, windowSample } from './voi-lut.js';

// Expected values worked out by hand from PS3.3 C.11.2.1.2.1 (ymin 0, ymax 255).
describe('voiLinear (PS3.3 C.11.2.1.2.1)', () => {
  const w = { center: 40, width: 400 }; // lower = 40 - 0.5 - 199.5 = -160, upper = 40 - 0.5 + 199.5 = 239
  it('is ymin at and below c - 0.5 - (w-1)/2', () => {
    assert.equal(voiLinear(-160, w, 0, 255), 0);
    assert.equal(voiLinear(-1000, w, 0, 255), 0);
  });
  it('is ymax above c - 0.5 + (w-1)/2, and reaches it at that point', () => {
    assert.equal(voiLinear(239.0001, w, 0, 255), 255);
    assert.equal(voiLinear(239, w, 0, 255), 255); // ((239 - 39.5) / 399 + 0.5) * 255 = 255
  });
  it('is linear in between', () => {
    assert.equal(voiLinear(39.5, w, 0, 255), 127.5); // (0 / 399 + 0.5) * 255
    assert.ok(Math.abs(voiLinear(100, w, 0, 255) - 166.16541353) < 1e-6); // (60.5 / 399 + 0.5) * 255
    assert.ok(Math.abs(voiLinear(-159, w, 0, 255) - 0.63909774) < 1e-6); // (-198.5 / 399 + 0.5) * 255 = 255/399
  });
  it('with width 1 is a threshold at c - 0.5', () => {
    const t = { center: 100, width: 1 };
    assert.equal(voiLinear(99.5, t, 0, 255), 0);
    assert.equal(voiLinear(99.6, t, 0, 255), 255);
    assert.equal(voiLinear(100, t, 0, 255), 255);
  });
  it('raises a width below 1 to 1', () => {
    assert.deepEqual(validWindow({ center: 5, width: 0.25 }), { center: 5, width: 1 });
    assert.equal(voiLinear(4.4, { center: 5, width: 0.25 }), 0);
    assert.equal(voiLinear(4.6, { center: 5, width: 0.25 }), 1);
  });
});

describe('sampleWindow / windowSample (the shader arithmetic)', () => {
  it('equals the standard on modality = sample - offset', () => {
    for (const window of [{ center: 40, width: 400 }, { center: -600, width: 1500 }, { center: 100, width: 1 }, { center: 2047.5, width: 4096 }]) {
      for (const offset of [0, 1024, 32768]) {
        const sw = sampleWindow(window, offset);
        for (let x = -2000; x <= 5000; x += 0.5) assert.ok(Math.abs(windowSample(x + offset, sw) - voiLinear(x, window)) < 1e-9, `${JSON.stringify(window)} offset ${offset} x ${x}`);
      }
    }
  });
  it('puts lower in sample units', () => {
    assert.deepEqual(sampleWindow({ center: 40, width: 400 }, 1024), { lower: 864, span: 399 });
  });
});

describe('windowFromRange', () => {
  it('maps lo to ymin and hi to ymax', () => {
    const w = windowFromRange(1000, 3000);
    assert.deepEqual(w, { center: 2000.5, width: 2001 });
    assert.equal(voiLinear(1000, w), 0);
    assert.ok(voiLinear(1000.01, w) > 0);
    assert.equal(voiLinear(3000, w), 1);
    assert.deepEqual(windowRange(w), { lo: 1000, hi: 3000 });
  });
  it('accepts the bounds in either order; equal bounds give width 1', () => {
    assert.deepEqual(windowFromRange(3000, 1000), { center: 2000.5, width: 2001 });
    assert.deepEqual(windowFromRange(7, 7), { center: 7.5, width: 1 });
  });
});
