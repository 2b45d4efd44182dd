// vindrImage8, vindrTensor and toTensor on tiny frames (values checked with OpenCV 4.6 and NumPy float32).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { decodeFrame, pixelSource, type DecodedFrame, type PixelArray } from '@cxrlab/imaging';
import { VINDR_PREPROCESS, type PreprocessConfig } from '../preprocess-config.js';
import { toTensor, vindrImage8, vindrTensor } from './vindr-preprocess.js';

function frame(data: PixelArray, rows: number, columns: number, photometricInterpretation = 'MONOCHROME2', samplesPerPixel = 1): DecodedFrame {
  const signed = data instanceof Int8Array || data instanceof Int16Array || data instanceof Int32Array;
  return { rows, columns, samplesPerPixel, bitsStored: data.BYTES_PER_ELEMENT * 8, signed, photometricInterpretation, data };
}

describe('vindrImage8 (convertScaleAbs, bitwise_not for MONOCHROME1, equalizeHist over 255)', () => {
  it('scales, inverts, then equalises a MONOCHROME1 frame with max over 255', () => {
    // Scaled by 255/600: 0 128 255 255; inverted: 255 127 0 0; equalised (scale 127.5, a tie): 255 128 0 0.
    assert.deepEqual([...vindrImage8(frame(Uint16Array.of(0, 300, 600, 600), 2, 2, 'MONOCHROME1'))], [255, 128, 0, 0]);
  });
  it('does not equalise when the max is 255 or less', () => {
    assert.deepEqual([...vindrImage8(frame(Uint8Array.of(0, 10, 20, 170), 1, 4))], [0, 15, 30, 255]);
    assert.deepEqual([...vindrImage8(frame(Uint16Array.of(0, 10, 20, 170), 1, 4, 'MONOCHROME1'))], [255, 240, 225, 0]);
  });
  it('turns an image whose max is 0 into 0 (255 when MONOCHROME1)', () => {
    assert.deepEqual([...vindrImage8(frame(new Uint16Array(3), 1, 3))], [0, 0, 0]);
    assert.deepEqual([...vindrImage8(frame(new Uint16Array(3), 1, 3, 'MONOCHROME1'))], [255, 255, 255]);
  });
  it('refuses colour and palette frames, saying why', () => {
    assert.throws(() => vindrImage8(frame(new Uint8Array(12), 2, 2, 'RGB', 3)), /greyscale.*RGB with 3 samples/);
    assert.throws(() => vindrImage8(frame(new Uint8Array(4), 2, 2, 'PALETTE COLOR')), /greyscale.*PALETTE COLOR/);
  });
  it('refuses a real palette-colour fixture', async () => {
    const decoded = await decodeFrame(pixelSource(readDicomFileSync(sharedFixture('edge', 'OBXXXX1A.dcm'))));
    assert.throws(() => vindrImage8(decoded), /PALETTE COLOR/);
  });
});

describe('vindrTensor and toTensor (ToTensor + Normalize in float32)', () => {
  it('normalises each channel with its own mean and std, as torch does in float32', () => {
    // 200 with max 200 scales to 255 everywhere; the resize keeps it constant.
    const tensor = vindrTensor(frame(new Uint8Array(6 * 5).fill(200), 6, 5), VINDR_PREPROCESS);
    assert.equal(tensor.length, 3 * 224 * 224);
    const plane = 224 * 224;
    const expected = [2.248908281326294, 2.4285714626312256, 2.640000104904175];
    for (let c = 0; c < 3; c++) {
      assert.equal(tensor[c * plane], expected[c]);
      assert.ok(tensor.subarray(c * plane, (c + 1) * plane).every((v) => v === expected[c]), `channel ${c}`);
    }
  });
  it('lays out planes NCHW in config.inputSize (height, width)', () => {
    const config: PreprocessConfig = { inputSize: [2, 3], channels: 3, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
    const tensor = toTensor(Uint8Array.of(0, 128, 255, 0, 0, 0), config);
    assert.equal(tensor.length, 18);
    assert.deepEqual([...tensor.subarray(0, 3)], [-2.1179039478302, 0.07406462728977203, 2.248908281326294]);
    assert.deepEqual([...tensor.subarray(6, 9)], [-2.0357141494750977, 0.20518219470977783, 2.4285714626312256]);
    assert.deepEqual([...tensor.subarray(12, 15)], [-1.804444432258606, 0.4264925718307495, 2.640000104904175]);
  });
  it('gives one plane for a one-channel config', () => {
    const config: PreprocessConfig = { inputSize: [4, 4], channels: 1, mean: [0.5], std: [0.5] };
    const tensor = vindrTensor(frame(new Uint8Array(64).fill(170), 8, 8), config);
    assert.equal(tensor.length, 16);
    assert.ok(tensor.every((v) => v === 1));
  });
  it('refuses an image of the wrong size and a config without a mean per channel', () => {
    assert.throws(() => toTensor(new Uint8Array(5), { ...VINDR_PREPROCESS, inputSize: [2, 3] }), RangeError);
    assert.throws(() => toTensor(new Uint8Array(6), { inputSize: [2, 3], channels: 3, mean: [0.5], std: [0.5] }), RangeError);
  });
});
