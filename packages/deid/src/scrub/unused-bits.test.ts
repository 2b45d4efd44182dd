import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TransferSyntaxes, nativeFrame } from '@cxrlab/dicom';
import { synthesizeChestImage } from '@cxrlab/imaging';
import { burnText } from '../internal/burn-text.js';
import { countUnusedBits } from './internal/unused-bits.js';
import { decodeInput, differences, imageFile, nativeElement, scrubbedFile } from './internal/scrub-test-kit.js';
import { scrubPixelData } from './scrub-pixel-data.js';

const EXPLICIT = TransferSyntaxes.ExplicitVRLittleEndian.uid;
const words = (...v: number[]) => new Uint8Array(new Uint16Array(v).buffer);

describe('overlay bits kept outside Bits Stored', () => {
  it('are cleared and counted; the stored values are unchanged; nothing else is reported', async () => {
    const image = synthesizeChestImage({ seed: 2, rows: 384, columns: 320, bitsStored: 12 });
    // An overlay plane in bit 13 (above High Bit 11), as old consoles kept annotations: text.
    const overlay = new Uint16Array(image.pixels.length);
    burnText(overlay, image.columns, 'DOE^JOHN', { x: 10, y: 10, scale: 2, value: 1 << 13 });
    const stored = image.pixels.map((v, i) => v | overlay[i]!);
    const set = overlay.reduce((n, v) => n + (v ? 1 : 0), 0);
    const input = imageFile({ rows: image.rows, columns: image.columns, bitsStored: 12 }, nativeElement(stored), EXPLICIT);
    const result = await scrubPixelData(input);
    assert.equal(result.unusedBitsCleared, set);
    assert.deepEqual(result.regions, [], 'the overlay is invisible in the stored values, so no text region');
    const output = scrubbedFile(input, result);
    const raw = new Uint16Array(nativeFrame(output.dataSet, 0).slice().buffer);
    assert.ok(raw.every((v) => v < 4096), 'bits above High Bit remain');
    assert.equal(differences(await decodeInput(input), await decodeInput(output)).count, 0);
    assert.deepEqual([...raw], [...image.pixels]);
  });

  it('an image with nothing outside Bits Stored is left alone', async () => {
    const image = synthesizeChestImage({ seed: 2, rows: 96, columns: 80, bitsStored: 12 });
    const input = imageFile({ rows: 96, columns: 80, bitsStored: 12 }, nativeElement(image.pixels), EXPLICIT);
    assert.deepEqual(await scrubPixelData(input), { regions: [], unusedBitsCleared: 0 });
  });

  it('countUnusedBits: bits above High Bit and below the lowest stored bit; sign extension is not overlay', () => {
    const d = { bitsAllocated: 16, bitsStored: 12, highBit: 11, pixelRepresentation: 0 as const };
    assert.equal(countUnusedBits(words(0x0fff, 0x1000, 0x8001, 0), d), 2);
    // Bits Stored 12 at High Bit 15: bits 0-3 are unused.
    assert.equal(countUnusedBits(words(0xfff0, 0x0001, 0x0010), { ...d, highBit: 15 }), 1);
    const signed = { ...d, pixelRepresentation: 1 as const };
    // -1 sign-extended (0xffff) or not (0x0fff) is fine; 0x7fff (bits 12-14 set on a negative) and 0x1001 are not.
    assert.equal(countUnusedBits(words(0xffff, 0x0fff, 0xf800, 0x0800, 0x7fff, 0x1001), signed), 2);
    assert.equal(countUnusedBits(words(0x1234), { ...d, bitsStored: 16, highBit: 15 }), 0);
    assert.equal(countUnusedBits(new Uint8Array([0x80, 0x7f]), { bitsAllocated: 8, bitsStored: 7, highBit: 6, pixelRepresentation: 0 }), 1);
  });
});
