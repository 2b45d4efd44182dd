// Native YBR_FULL_422: pairs of pixels stored Y1 Y2 Cb Cr (PS3.3 C.7.6.3.1.2) expand to Y Cb Cr each.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSet, DicomError, bytesElement, encodeAscii, Tags } from '@cxrlab/dicom';
import { decodeFrameSync } from './decode-frame.js';

const us = (v: number) => new Uint8Array([v & 0xff, v >> 8]);

function ybr422(rows: number, columns: number, pixels: number[], frames = 1): DataSet {
  const ds = new DataSet();
  ds.set(bytesElement(Tags.SamplesPerPixel, 'US', us(3)));
  ds.set(bytesElement(Tags.PhotometricInterpretation, 'CS', encodeAscii('YBR_FULL_422')));
  ds.set(bytesElement(Tags.Rows, 'US', us(rows)));
  ds.set(bytesElement(Tags.Columns, 'US', us(columns)));
  ds.set(bytesElement(Tags.BitsAllocated, 'US', us(8)));
  ds.set(bytesElement(Tags.BitsStored, 'US', us(8)));
  ds.set(bytesElement(Tags.HighBit, 'US', us(7)));
  ds.set(bytesElement(Tags.PixelRepresentation, 'US', us(0)));
  if (frames > 1) ds.set(bytesElement(Tags.NumberOfFrames, 'IS', encodeAscii(String(frames))));
  ds.set(bytesElement(Tags.PixelData, 'OB', Uint8Array.from(pixels)));
  return ds;
}

describe('native YBR_FULL_422', () => {
  it('shares each pair\'s chroma between its two pixels', () => {
    const ds = ybr422(1, 4, [10, 20, 100, 200, 30, 40, 110, 210]);
    const frame = decodeFrameSync({ dataSet: ds, transferSyntaxUID: '1.2.840.10008.1.2.1' });
    assert.deepEqual([...frame.data], [10, 100, 200, 20, 100, 200, 30, 110, 210, 40, 110, 210]);
    assert.equal(frame.photometricInterpretation, 'YBR_FULL_422');
  });
  it('finds the second frame at 2 bytes per pixel', () => {
    const ds = ybr422(1, 2, [1, 2, 3, 4, 5, 6, 7, 8], 2);
    const frame = decodeFrameSync({ dataSet: ds, transferSyntaxUID: '1.2.840.10008.1.2.1' }, 1);
    assert.deepEqual([...frame.data], [5, 7, 8, 6, 7, 8]);
  });
  it('says how many bytes a short frame lacks', () => {
    const ds = ybr422(2, 2, [1, 2, 3, 4, 5]);
    assert.throws(() => decodeFrameSync({ dataSet: ds, transferSyntaxUID: '1.2.840.10008.1.2.1' }),
      (e: unknown) => e instanceof DicomError && e.code === 'ERR_TRUNCATED' && /holds 5 bytes; YBR_FULL_422 frame 0 needs bytes up to 8/.test(e.message));
  });
});
