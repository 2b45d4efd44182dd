import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSet, Tags, bytesElement, encapsulatedFrames, type Element } from '@cxrlab/dicom';
import { decodeFrame } from '../pixel/decode-frame.js';
import { synthesizeChestImage } from '../synth/chest-image.js';
import { encapsulateFrames } from './encapsulate.js';
import { encodePixelData } from './encode-pixel-data.js';
import { PIXEL_ENCODINGS, PIXEL_ENCODING_NAMES } from './pixel-encodings.js';

const US = (v: number): Uint8Array => new Uint8Array(new Uint16Array([v]).buffer);

/** A data set around Pixel Data, for our own decoder (the reference decoders are in synth/reference-decoders.test.ts). */
function withPixels(element: Element, rows: number, columns: number, bitsStored: number): DataSet {
  const ds = new DataSet();
  ds.set(bytesElement(Tags.SamplesPerPixel, 'US', US(1)));
  ds.set(bytesElement(Tags.PhotometricInterpretation, 'CS', new TextEncoder().encode('MONOCHROME2 ')));
  ds.set(bytesElement(Tags.Rows, 'US', US(rows)));
  ds.set(bytesElement(Tags.Columns, 'US', US(columns)));
  ds.set(bytesElement(Tags.BitsAllocated, 'US', US(16)));
  ds.set(bytesElement(Tags.BitsStored, 'US', US(bitsStored)));
  ds.set(bytesElement(Tags.HighBit, 'US', US(bitsStored - 1)));
  ds.set(bytesElement(Tags.PixelRepresentation, 'US', US(0)));
  ds.set(element);
  return ds;
}

describe('encodePixelData', () => {
  const image = synthesizeChestImage({ rows: 96, columns: 80, bitsStored: 14, seed: 11 });

  for (const encoding of PIXEL_ENCODING_NAMES) {
    it(`${encoding}: ${PIXEL_ENCODINGS[encoding].transferSyntaxUID}, decoded by our codecs ${PIXEL_ENCODINGS[encoding].lossy ? 'within tolerance' : 'exactly'}`, async () => {
      const encoded = await encodePixelData(image, encoding);
      assert.equal(encoded.transferSyntaxUID, PIXEL_ENCODINGS[encoding].transferSyntaxUID);
      const ds = withPixels(encoded.element, image.rows, image.columns, 14);
      if (encoding === 'explicit') {
        assert.equal(encoded.element.kind, 'bytes');
      } else {
        assert.equal(encoded.element.kind, 'fragments');
        const frames = encapsulatedFrames(ds);
        assert.equal(frames.length, 1);
      }
      const decoded = await decodeFrame({ dataSet: ds, transferSyntaxUID: encoded.transferSyntaxUID });
      let maxError = 0;
      for (let i = 0; i < image.pixels.length; i++) maxError = Math.max(maxError, Math.abs(decoded.data[i]! - image.pixels[i]!));
      if (encoding === 'jpeg-ls-near') assert.ok(maxError > 0 && maxError <= 2, `NEAR=2 but max error ${maxError}`);
      else if (encoding === 'j2k-lossy') assert.ok(maxError > 0 && maxError < 0.15 * 16383, `max error ${maxError}`);
      else assert.equal(maxError, 0);
      assert.equal(encoded.lossy !== undefined, PIXEL_ENCODINGS[encoding].lossy);
      if (encoded.lossy) assert.ok(encoded.lossy.ratio > 1.5, `ratio ${encoded.lossy.ratio}`);
    });
  }

  it('takes the JPEG 2000 ratio and the JPEG-LS NEAR from the options', async () => {
    const r10 = await encodePixelData(image, 'j2k-lossy', { jpeg2000Ratio: 10 });
    const r40 = await encodePixelData(image, 'j2k-lossy', { jpeg2000Ratio: 40 });
    assert.ok(r40.lossy!.ratio > 2 * r10.lossy!.ratio);
    const near1 = await encodePixelData(image, 'jpeg-ls-near', { near: 1 });
    const near8 = await encodePixelData(image, 'jpeg-ls-near', { near: 8 });
    assert.ok(near8.lossy!.ratio > near1.lossy!.ratio);
  });

  it('rejects samples beyond Bits Stored and a wrong sample count', async () => {
    const pixels = new Uint16Array(64 * 64).fill(100);
    pixels[7] = 4096;
    await assert.rejects(encodePixelData({ pixels, rows: 64, columns: 64, bitsStored: 12 }, 'jpeg-ls'), /sample 7 is 4096/);
    await assert.rejects(encodePixelData({ pixels, rows: 64, columns: 63, bitsStored: 16 }, 'explicit'), RangeError);
  });
});

describe('encapsulateFrames', () => {
  it('writes a Basic Offset Table and pads odd fragments to even length', () => {
    const element = encapsulateFrames([new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])]);
    assert.equal(element.tag, Tags.PixelData);
    assert.deepEqual([...element.fragments[0]!], [1, 2, 3, 0]);
    assert.deepEqual([...element.fragments[1]!], [4, 5]);
    const offsets = new DataView(element.offsetTable.buffer);
    assert.deepEqual([offsets.getUint32(0, true), offsets.getUint32(4, true)], [0, 8 + 4]);
  });
});
