import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDicomFileSync } from '@cxrlab/dicom';
import { decodeFrame, encodePixelData, encodePng, pixelSource, synthesizeChestImage, type DecodedFrame, type PixelEncoding } from '@cxrlab/imaging';
import { sharedFixture } from '../internal/test-assets.js';
import { SKIP_WITHOUT_TESSERACT, ocr } from '../internal/tesseract.js';
import { blankRegions } from './blank-regions.js';
import { findTextRegions } from './find-text-regions.js';
import { plantLabels, type Label } from './internal/plant-text.js';
import { decodeInput, imageFile, scrubbedFile } from './internal/scrub-test-kit.js';
import type { PixelBox } from './pixel-box.js';
import { scrubPixelData } from './scrub-pixel-data.js';

/**
 * `box` with a margin, stretched from its own minimum to its maximum and enlarged 2x, as an
 * 8-bit PNG: the harshest window a reader could choose, so faint remains would show.
 */
function cropPng(frame: DecodedFrame, box: PixelBox, margin = 20): Uint8Array {
  const x0 = Math.max(0, box.x - margin), y0 = Math.max(0, box.y - margin);
  const x1 = Math.min(frame.columns, box.x + box.width + margin), y1 = Math.min(frame.rows, box.y + box.height + margin);
  let lo = Infinity, hi = -Infinity;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { const v = frame.data[y * frame.columns + x]!; lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const [w, h] = [2 * (x1 - x0), 2 * (y1 - y0)];
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) data[y * w + x] = hi > lo ? Math.round((255 * (frame.data[(y0 + (y >> 1)) * frame.columns + x0 + (x >> 1)]! - lo)) / (hi - lo)) : 128;
  }
  return encodePng({ width: w, height: h, channels: 1, data });
}

/** How much of `expected` (letters and digits) OCR read: 1 - edit distance / length. */
function readShare(read: string, expected: string): number {
  const [a, b] = [read.replace(/[^A-Z0-9]/g, ''), expected.replace(/[^A-Z0-9]/g, '')];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return Math.max(0, 1 - row[b.length]! / b.length);
}

type Scrub = (frame: DecodedFrame) => Promise<DecodedFrame>;

/** In memory: findTextRegions and blankRegions. */
const blankInPlace: Scrub = async (frame) => {
  blankRegions(frame, findTextRegions(frame));
  return frame;
};

/** The whole path: encoded as `encoding`, scrubbed by scrubPixelData, the output decoded. */
const throughFile = (encoding: PixelEncoding): Scrub => async (frame) => {
  const encoded = await encodePixelData({ ...frame, pixels: Uint16Array.from(frame.data) }, encoding);
  const input = imageFile({ ...frame, photometric: frame.photometricInterpretation }, encoded.element, encoded.transferSyntaxUID);
  return decodeInput(scrubbedFile(input, await scrubPixelData(input)));
};

async function checkUnreadable(frame: DecodedFrame, labels: Label[], high: number, scrub: Scrub): Promise<void> {
  const planted = plantLabels(frame.data, frame.rows, frame.columns, labels, 0, high);
  const before = planted.map(({ box }) => ocr(cropPng(frame, box)));
  const scrubbed = await scrub(frame);
  planted.forEach(({ text, box }, i) => {
    // Teeth: tesseract reads the label before scrubbing ...
    assert.ok(readShare(before[i]!, text) >= 0.75, `before: read ${JSON.stringify(before[i])} for ${text}`);
    // ... and nothing of it after.
    const after = ocr(cropPng(scrubbed, box));
    assert.ok(readShare(after, text) <= 0.25, `after: read ${JSON.stringify(after)} for ${text}`);
  });
}

describe('burned-in text is unreadable after scrubbing (tesseract as the reader)', { skip: SKIP_WITHOUT_TESSERACT }, () => {
  for (const [photometric, encoding] of [['MONOCHROME1', 'jpeg-ls'], ['MONOCHROME2', 'explicit']] as const) {
    it(`synthetic chest, ${photometric}, ${encoding}, through scrubPixelData`, async () => {
      const image = synthesizeChestImage({ seed: 2, rows: 576, columns: 512, bitsStored: 12, photometricInterpretation: photometric });
      const frame: DecodedFrame = { rows: 576, columns: 512, samplesPerPixel: 1, bitsStored: 12, signed: false, photometricInterpretation: photometric, data: image.pixels };
      await checkUnreadable(frame, [{ text: 'DOE^JOHN 12345678', scale: 2, x: 12, y: 10 }, { text: '2019/03/14', scale: 2, x: -40, y: -10 }], 4095, throughFile(encoding));
    });
  }

  it('real radiograph RG2 (MONOCHROME2, 10 bits), in memory', async () => {
    const frame = await decodeFrame(pixelSource(readDicomFileSync(sharedFixture('cr', 'RG2_UNC.dcm'))));
    const copy = { ...frame, data: frame.data.slice() };
    await checkUnreadable(copy, [{ text: 'DOE^JOHN 12345678', scale: 3, x: 200, y: 40 }], 1023, blankInPlace);
  });
});
