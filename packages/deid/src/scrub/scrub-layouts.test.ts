import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TransferSyntaxes, nativeFrame } from '@cxrlab/dicom';
import { encodePixelData, synthesizeChestImage } from '@cxrlab/imaging';
import { burnText } from '../internal/burn-text.js';
import { checkScrub } from './internal/check-scrub.js';
import { plantLabels, type Label } from './internal/plant-text.js';
import { imageFile, nativeElement } from './internal/scrub-test-kit.js';
import { scrubPixelData } from './scrub-pixel-data.js';

const NAME: Label[] = [{ text: 'DOE^JOHN 12345678', scale: 2, x: 12, y: 10 }];
const DATE: Label[] = [{ text: '2019/03/14', scale: 3, x: 120, y: -30 }];
const EXPLICIT = TransferSyntaxes.ExplicitVRLittleEndian.uid;
const [rows, columns] = [512, 448];
const grey = (seed: number) => synthesizeChestImage({ seed, rows, columns, bitsStored: 12 }).pixels;

describe('scrubPixelData on other pixel layouts', () => {
  it('multi-frame: every frame searched, regions reported per frame, a clean frame keeps its bytes', async () => {
    const [a, b] = [grey(2), grey(4)];
    const boxes = plantLabels(b, rows, columns, DATE, 0, 4095).map((p) => p.box);
    const both = new Uint16Array(2 * rows * columns);
    both.set(a);
    both.set(b, rows * columns);
    const input = imageFile({ rows, columns, bitsStored: 12, frames: 2 }, nativeElement(both), EXPLICIT);
    const result = await scrubPixelData(input);
    assert.ok(result.regions.length > 0 && result.regions.every((r) => r.frame === 1), JSON.stringify(result.regions));
    const output = await checkScrub(input, result, [[], boxes], EXPLICIT);
    assert.deepEqual(nativeFrame(output.dataSet, 0), nativeFrame(input.dataSet, 0));
  });

  it('Bits Allocated 8, native (OB)', async () => {
    const pixels = Uint8Array.from(grey(2), (v) => v >> 4);
    const boxes = plantLabels(pixels, rows, columns, NAME, 0, 255).map((p) => p.box);
    const layout = { rows, columns, bitsAllocated: 8 as const };
    const native = imageFile(layout, nativeElement(pixels), EXPLICIT);
    const nativeResult = await scrubPixelData(native);
    assert.equal(nativeResult.element?.vr, 'OB');
    await checkScrub(native, nativeResult, [boxes], EXPLICIT);
  });

  it('signed pixels (Pixel Representation 1), native', async () => {
    const pixels = Int16Array.from(grey(2), (v) => v - 2048);
    const boxes = plantLabels(pixels, rows, columns, NAME, -2048, 2047).map((p) => p.box);
    const input = imageFile({ rows, columns, bitsStored: 12, signed: true }, nativeElement(pixels), EXPLICIT);
    await checkScrub(input, await scrubPixelData(input), [boxes], EXPLICIT);
  });

  it('signed pixels compressed as JPEG-LS are written back native', async () => {
    const unsigned = grey(2);
    const boxes = plantLabels(unsigned, rows, columns, NAME, 0, 4095).map((p) => p.box);
    // Unsigned codestream, signed header: the decoder sign-extends from Bits Stored.
    const encoded = await encodePixelData({ pixels: unsigned.map((v) => v ^ 0x800), rows, columns, bitsStored: 12 }, 'jpeg-ls');
    const input = imageFile({ rows, columns, bitsStored: 12, signed: true }, encoded.element, encoded.transferSyntaxUID);
    await checkScrub(input, await scrubPixelData(input), [boxes], EXPLICIT);
  });

  it('native YBR_FULL_422: found in the luma, written back as YBR_FULL', async () => {
    const luma = Uint8Array.from(grey(2), (v) => v >> 4);
    const boxes = plantLabels(luma, rows, columns, NAME, 0, 255).map((p) => p.box);
    // Pairs of pixels stored as Y1 Y2 Cb Cr (PS3.3 C.7.6.3.1.2), neutral chroma.
    const packed = new Uint8Array(rows * columns * 2).fill(128);
    for (let i = 0; i < luma.length; i += 2) packed.set([luma[i]!, luma[i + 1]!], 2 * i);
    const input = imageFile({ rows, columns, bitsAllocated: 8, samples: 3, photometric: 'YBR_FULL_422' }, nativeElement(packed), EXPLICIT);
    const result = await scrubPixelData(input);
    assert.equal(result.photometricInterpretation, 'YBR_FULL');
    await checkScrub(input, result, [boxes], EXPLICIT);
  });

  for (const planar of [false, true]) {
    it(`RGB, ${planar ? 'planar' : 'interleaved'}: every sample blanked, the planar configuration kept`, async () => {
      const g = grey(2);
      const rgb = new Uint8Array(rows * columns * 3);
      for (let i = 0; i < g.length; i++) rgb.set([g[i]! >> 4, g[i]! >> 4, g[i]! >> 5], 3 * i);
      const boxes = [burnText(rgb, columns, NAME[0]!.text, { x: 12, y: 10, scale: 2, value: 255, samplesPerPixel: 3 })];
      const stored = planar ? new Uint8Array(rgb.length) : rgb;
      if (planar) for (let i = 0; i < g.length; i++) for (let s = 0; s < 3; s++) stored[s * g.length + i] = rgb[3 * i + s]!;
      const input = imageFile({ rows, columns, bitsAllocated: 8, samples: 3, planar }, nativeElement(stored), EXPLICIT);
      const result = await scrubPixelData(input);
      assert.equal(result.planarConfiguration, undefined);
      await checkScrub(input, result, [boxes], EXPLICIT);
    });
  }
});
