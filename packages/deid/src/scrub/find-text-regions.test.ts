import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeChestImage, type DecodedFrame } from '@cxrlab/imaging';
import { blankRegions } from './blank-regions.js';
import { findTextRegions } from './find-text-regions.js';
import { CHEST_LABELS, plantLabels } from './internal/plant-text.js';
import { differences, isCovered, strokesLeft } from './internal/scrub-test-kit.js';
import type { PixelBox } from './pixel-box.js';

const grow = (b: PixelBox, m: number): PixelBox => ({ x: b.x - m, y: b.y - m, width: b.width + 2 * m, height: b.height + 2 * m });
const within = (inner: PixelBox, outer: PixelBox): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

for (const photometric of ['MONOCHROME1', 'MONOCHROME2'] as const) {
  describe(`findTextRegions on a 2788 x 2446 synthetic chest, ${photometric}`, () => {
    const image = synthesizeChestImage({ seed: 1, photometricInterpretation: photometric });
    const frame: DecodedFrame = { rows: image.rows, columns: image.columns, samplesPerPixel: 1, bitsStored: 12, signed: false, photometricInterpretation: photometric, data: image.pixels };

    it('finds nothing before text is burned in', () => {
      assert.deepEqual(findTextRegions(frame), []);
    });

    it('covers every label, finds nothing else, and blanking leaves no stroke and nothing else changed', () => {
      const planted = plantLabels(image.pixels, image.rows, image.columns, CHEST_LABELS, 0, 4095);
      const regions = findTextRegions(frame);
      for (const { text, box } of planted) {
        assert.ok(isCovered(box, regions.map((r) => ({ frame: 0, ...r }))), `${text} at ${JSON.stringify(box)} is not covered by ${JSON.stringify(regions)}`);
      }
      for (const region of regions) {
        assert.ok(planted.some(({ box }) => within(region, grow(box, 40))), `region ${JSON.stringify(region)} is not around a label`);
      }
      const before: DecodedFrame = { ...frame, data: image.pixels.slice() };
      blankRegions(frame, regions);
      for (const { text, box } of planted) assert.equal(strokesLeft(frame, box), 0, `${text}: strokes left`);
      const changed = differences(before, frame);
      const inRegions = regions.reduce((n, r) => n + r.width * r.height, 0);
      assert.ok(changed.count <= inRegions, 'more pixels changed than the regions hold');
      const outside = { ...before, data: before.data.slice() };
      blankRegions(outside, regions);
      assert.equal(differences(outside, frame).count, 0);
    });
  });
}
