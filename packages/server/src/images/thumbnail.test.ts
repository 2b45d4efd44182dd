import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { renderThumbnail } from './thumbnail.js';
import { ImageError } from './image-error.js';
import { scratchDir, writeSynthImage } from './internal/test-images.js';
import { PNG_SIGNATURE, readTestPng, type TestPng } from './internal/test-png.js';

const scratch = scratchDir();
after(scratch.remove);

/** Mean grey of a region given in fractions of the width and height. */
function regionMean(png: TestPng, x0: number, x1: number, y0: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.round(y0 * png.height); y < Math.round(y1 * png.height); y++) {
    for (let x = Math.round(x0 * png.width); x < Math.round(x1 * png.width); x++, n++) sum += png.pixels[y * png.width + x]!;
  }
  return sum / n;
}

/** Bone white: the mediastinum / spine column is brighter than both lung fields (PA chest, upper and middle zones). */
function assertBoneWhite(png: TestPng): void {
  const centre = regionMean(png, 0.45, 0.55, 0.25, 0.6);
  const left = regionMean(png, 0.2, 0.35, 0.25, 0.6);
  const right = regionMean(png, 0.65, 0.8, 0.25, 0.6);
  assert.ok(centre > left + 40 && centre > right + 40, `centre ${centre.toFixed(1)}, lungs ${left.toFixed(1)} and ${right.toFixed(1)}`);
}

function fraction(png: TestPng, test: (v: number) => boolean): number {
  return png.pixels.filter(test).length / png.pixels.length;
}

describe('renderThumbnail', () => {
  it('RG1 (MONOCHROME1 chest): an 8-bit grey PNG, 241 x 256, bone white', async () => {
    const bytes = await renderThumbnail(sharedFixture('cr', 'RG1_J2KI.dcm'));
    assert.deepEqual([...bytes.subarray(0, 8)], [...PNG_SIGNATURE]);
    const png = readTestPng(bytes);
    assert.deepEqual([png.width, png.height, png.bitDepth, png.colourType], [241, 256, 8, 0]);
    assert.deepEqual(png.chunks, ['IHDR', 'IDAT', 'IEND']);
    assertBoneWhite(png);
  });

  it('CR-MONO1 chest (440 x 440, MONOCHROME1) and maxSide', async () => {
    const path = sharedFixture('cr', 'CR-MONO1-10-chest.dcm');
    const png = readTestPng(await renderThumbnail(path));
    assert.deepEqual([png.width, png.height], [256, 256]);
    assertBoneWhite(png);
    const small = readTestPng(await renderThumbnail(path, 100));
    assert.deepEqual([small.width, small.height], [100, 100]);
    const whole = readTestPng(await renderThumbnail(path, 1000));
    assert.deepEqual([whole.width, whole.height], [440, 440], 'never enlarged');
  });

  describe('synthetic chests', () => {
    const paths: Record<string, string> = {};
    before(async () => {
      for (const pi of ['MONOCHROME1', 'MONOCHROME2'] as const) {
        paths[pi] = await writeSynthImage(join(scratch.dir, `${pi}.dcm`), { photometricInterpretation: pi, rows: 300, columns: 260 }, [[0x00283010]]);
      }
      paths.noWindow = await writeSynthImage(join(scratch.dir, 'no-window.dcm'), { rows: 300, columns: 260 }, [[0x00283010], [0x00281050], [0x00281051]]);
      paths.narrow = await writeSynthImage(join(scratch.dir, 'narrow.dcm'), { rows: 300, columns: 260 }, [[0x00283010], [0x00281050, 'DS', '2000'], [0x00281051, 'DS', '2']]);
    });

    it('MONOCHROME1 and MONOCHROME2 storage of the same anatomy give the same thumbnail', async () => {
      const one = readTestPng(await renderThumbnail(paths.MONOCHROME1!, 64));
      const two = readTestPng(await renderThumbnail(paths.MONOCHROME2!, 64));
      assert.deepEqual([one.width, one.height], [55, 64]);
      let diff = 0;
      for (let i = 0; i < one.pixels.length; i++) diff += Math.abs(one.pixels[i]! - two.pixels[i]!);
      assert.ok(diff / one.pixels.length < 2, `mean difference ${diff / one.pixels.length}`);
      assertBoneWhite(one);
    });

    // At full size (maxSide above the image's), so no averaging blurs the grey levels.
    it("uses the header's window: a 2-wide window saturates nearly everything", async () => {
      const png = readTestPng(await renderThumbnail(paths.narrow!, 1000));
      assert.deepEqual([png.width, png.height], [260, 300]);
      assert.ok(fraction(png, (v) => v === 0 || v === 255) > 0.8);
    });

    it('without a window, a percentile window spreads the grey levels', async () => {
      const png = readTestPng(await renderThumbnail(paths.noWindow!, 1000));
      assert.ok(fraction(png, (v) => v < 40) > 0.01 && fraction(png, (v) => v > 215) > 0.01, 'both ends used');
      assert.ok(fraction(png, (v) => v === 0 || v === 255) < 0.2);
    });
  });

  it('errors are ImageErrors naming the file; a bad size is a RangeError', async () => {
    const missing = join(scratch.dir, 'missing.dcm');
    await assert.rejects(renderThumbnail(missing), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_NOT_FOUND' && e.message.startsWith(missing));
    await assert.rejects(renderThumbnail(sharedFixture('edge', 'MR_truncated.dcm')), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_PIXELS');
    await assert.rejects(renderThumbnail(sharedFixture('cr', 'RG1_J2KI.dcm'), 0), RangeError);
  });
});
