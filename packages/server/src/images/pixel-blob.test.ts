import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { renderPixelBlob, type PixelBlob } from './pixel-blob.js';
import { ImageError } from './image-error.js';
import { imageGoldens, scratchDir, type PixelsGolden } from './internal/test-images.js';

const scratch = scratchDir();
after(scratch.remove);

function grid(blob: PixelBlob, step: number): number[] {
  const values: number[] = [];
  for (let y = 0; y < blob.height; y += step) for (let x = 0; x < blob.width; x += step) values.push(blob.data.readUInt16LE(2 * (y * blob.width + x)));
  return values;
}

function assertMatches(blob: PixelBlob, g: PixelsGolden): void {
  // The grid first: on a mismatch it shows where; the sha256 then checks every sample.
  assert.deepEqual(grid(blob, g.grid.step), g.grid.values);
  assert.deepEqual({ offset: blob.offset, min: blob.min, max: blob.max, bitsStored: blob.bitsStored }, { offset: g.offset, min: g.min, max: g.max, bitsStored: g.bitsStored });
  assert.equal(createHash('sha256').update(blob.data).digest('hex'), g.sha256);
}

describe('renderPixelBlob: sample for sample as pydicom apply_modality_lut (image-goldens.json)', () => {
  for (const [name, golden] of imageGoldens()) {
    it(name, async () => {
      const blob = await renderPixelBlob(golden.path);
      assert.deepEqual([blob.width, blob.height, blob.photometric], [golden.header.width, golden.header.height, golden.header.photometric]);
      assert.equal(blob.data.length, blob.width * blob.height * 2);
      assertMatches(blob, golden.pixels);
    });
  }

  it('keeps MONOCHROME1 values as stored (no inversion, no window): RG1 as JPEG 2000 and JPEG-LS agree closely', async () => {
    const goldens = imageGoldens();
    const j2k = await renderPixelBlob(goldens.get('cr/RG1_J2KI.dcm')!.path);
    const jls = await renderPixelBlob(goldens.get('cr/RG1_JLSN.dcm')!.path);
    let sum = 0;
    for (let i = 0; i < j2k.data.length; i += 2) sum += Math.abs(j2k.data.readUInt16LE(i) - jls.data.readUInt16LE(i));
    const meanDifference = sum / (j2k.width * j2k.height);
    assert.ok(meanDifference < 0.01 * (j2k.max - j2k.min), `mean difference ${meanDifference}`);
  });
});

describe('renderPixelBlob: errors', () => {
  it('a missing file is ERR_IMAGE_NOT_FOUND, naming it', async () => {
    const path = join(scratch.dir, 'nope.dcm');
    await assert.rejects(renderPixelBlob(path), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_NOT_FOUND' && e.file === path);
  });

  it('a colour image is ERR_IMAGE_PIXELS with the reason', async () => {
    const path = sharedFixture('edge', 'SC_rgb.dcm');
    await assert.rejects(renderPixelBlob(path), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_PIXELS' && /grayscale/.test(e.message) && e.message.startsWith(path));
  });
});
