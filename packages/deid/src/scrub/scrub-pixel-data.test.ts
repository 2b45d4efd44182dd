import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TransferSyntaxes } from '@cxrlab/dicom';
import { encodePixelData, synthesizeChestImage, type PixelEncoding } from '@cxrlab/imaging';
import { checkScrub } from './internal/check-scrub.js';
import { plantLabels, type Label } from './internal/plant-text.js';
import { imageFile } from './internal/scrub-test-kit.js';
import { scrubPixelData } from './scrub-pixel-data.js';

const LABELS: Label[] = [
  { text: 'DOE^JOHN 12345678', scale: 2, x: 12, y: 10 },
  { text: '2019/03/14', scale: 2, x: -12, y: -10 },
  { text: 'L', scale: 6, x: -40, y: 40 },
  { text: 'ID 998877', scale: 1, x: 8, y: 300 },
];
const T = TransferSyntaxes;
/** Each input encoding, and the transfer syntax the scrubbed pixels come back in. */
const CASES: [PixelEncoding, 'MONOCHROME1' | 'MONOCHROME2', string][] = [
  ['explicit', 'MONOCHROME1', T.ExplicitVRLittleEndian.uid],
  ['explicit', 'MONOCHROME2', T.ExplicitVRLittleEndian.uid],
  ['j2k', 'MONOCHROME1', T.JPEG2000Lossless.uid],
  ['j2k-lossy', 'MONOCHROME2', T.JPEG2000Lossless.uid],
  ['jpeg-ls', 'MONOCHROME2', T.JPEGLSLossless.uid],
  ['jpeg-ls-near', 'MONOCHROME1', T.JPEGLSLossless.uid],
  ['htj2k', 'MONOCHROME1', T.HTJ2KLossless.uid],
];

function chest(photometric: 'MONOCHROME1' | 'MONOCHROME2') {
  // Seed 2 has no collimation border: the labels lie on the body or the air around it.
  return synthesizeChestImage({ seed: 2, rows: 576, columns: 512, bitsStored: 12, photometricInterpretation: photometric });
}

describe('scrubPixelData on synthetic chests', () => {
  for (const [encoding, photometric, out] of CASES) {
    it(`${encoding}, ${photometric}: labels blanked, the rest unchanged, written back losslessly`, async () => {
      const image = chest(photometric);
      const planted = plantLabels(image.pixels, image.rows, image.columns, LABELS, 0, 4095);
      const encoded = await encodePixelData(image, encoding);
      const input = imageFile({ ...image, photometric, bitsStored: 12 }, encoded.element, encoded.transferSyntaxUID);
      const result = await scrubPixelData(input);
      assert.equal(result.unusedBitsCleared, 0);
      await checkScrub(input, result, [planted.map((p) => p.box)], out);
    });
  }

  it('j2k with nativeOutput: written back native, no re-encoding', async () => {
    const image = chest('MONOCHROME2');
    const planted = plantLabels(image.pixels, image.rows, image.columns, LABELS, 0, 4095);
    const encoded = await encodePixelData(image, 'j2k');
    const input = imageFile({ ...image, photometric: 'MONOCHROME2' }, encoded.element, encoded.transferSyntaxUID);
    await checkScrub(input, await scrubPixelData(input, { nativeOutput: true }), [planted.map((p) => p.box)], T.ExplicitVRLittleEndian.uid);
  });

  for (const encoding of ['explicit', 'j2k'] as const) {
    it(`${encoding}: an image without text is left alone (no new pixel data)`, async () => {
      const image = chest('MONOCHROME2');
      const encoded = await encodePixelData(image, encoding);
      const result = await scrubPixelData(imageFile({ ...image, photometric: 'MONOCHROME2' }, encoded.element, encoded.transferSyntaxUID));
      assert.deepEqual(result, { regions: [], unusedBitsCleared: 0 });
    });
  }
});
