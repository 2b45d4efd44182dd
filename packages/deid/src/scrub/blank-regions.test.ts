import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DecodedFrame, PixelArray } from '@cxrlab/imaging';
import { blankRegions } from './blank-regions.js';

const frame = (data: PixelArray, columns: number, samplesPerPixel = 1): DecodedFrame =>
  ({ rows: data.length / columns / samplesPerPixel, columns, samplesPerPixel, bitsStored: 16, signed: false, photometricInterpretation: samplesPerPixel === 3 ? 'RGB' : 'MONOCHROME2', data });

describe('blankRegions', () => {
  it('fills a box with the median of the 2-pixel ring around it and touches nothing else', () => {
    // Background 100 with a stray bright pixel in the ring; "text" of 4095 inside the box.
    const data = new Uint16Array(12 * 12).fill(100);
    for (let y = 4; y < 8; y++) for (let x = 4; x < 8; x++) data[y * 12 + x] = (x + y) % 2 ? 4095 : 90;
    data[3 * 12 + 5] = 4095;
    data[0] = 7; // outside the ring
    const before = data.slice();
    assert.deepEqual(blankRegions(frame(data, 12), [{ x: 4, y: 4, width: 4, height: 4 }]), [100]);
    for (let i = 0; i < data.length; i++) {
      const [x, y] = [i % 12, Math.floor(i / 12)];
      const inside = x >= 4 && x < 8 && y >= 4 && y < 8;
      assert.equal(data[i], inside ? 100 : before[i], `(${x}, ${y})`);
    }
  });

  it('clips boxes to the frame, ring included, and keeps signed values', () => {
    const data = new Int16Array(8 * 6).fill(-300);
    data.fill(2047, 0, 3);
    blankRegions(frame(data, 8), [{ x: -2, y: -2, width: 5, height: 3 }]);
    assert.deepEqual([...data.subarray(0, 8)], [-300, -300, -300, -300, -300, -300, -300, -300]);
  });

  it('fills each sample of a colour pixel with its own ring median', () => {
    const data = new Uint8Array(6 * 6 * 3);
    for (let i = 0; i < 36; i++) data.set([10, 20, 30], 3 * i);
    data.set([255, 255, 0], 3 * (2 * 6 + 2));
    blankRegions(frame(data, 6, 3), [{ x: 2, y: 2, width: 2, height: 2 }]);
    assert.deepEqual([...data.subarray(3 * 14, 3 * 15)], [10, 20, 30]);
  });
});
