// The preprocessing against the released pipeline run with pydicom + GDCM, OpenCV 4.6 and Pillow 9.4
// (goldens from scripts/goldens/generate_filter_goldens.py in test-assets/preprocess/): bit-exact,
// the float32 tensor included.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDicomFileSync } from '@cxrlab/dicom';
import { packageRootOf, sharedFixture } from '@cxrlab/dicom/testing';
import { decodeFrame, pixelSource, type DecodedFrame, type PixelArray } from '@cxrlab/imaging';
import { VINDR_PREPROCESS } from '../preprocess-config.js';
import { scaleByMax } from './convert-scale-abs.js';
import { equalizeHist } from './equalize-hist.js';
import { resizeBilinear8 } from './pil-resize.js';
import { vindrImage8, vindrTensor } from './vindr-preprocess.js';

interface GoldenCase {
  source: string;
  synthetic: boolean;
  rows: number;
  columns: number;
  dtype: 'uint8' | 'uint16' | 'int16';
  photometric: string;
  max: number;
  inverted: boolean;
  equalised: boolean;
  rawSha256: string;
  scaledSha256: string;
  image8Sha256: string;
  resized: string;
  resizedSha256: string;
  tensorSha256: string;
  tensorSamples: { index: number; value: number }[];
}

interface Goldens {
  inputSize: [number, number];
  mean: number[];
  std: number[];
  cases: Record<string, GoldenCase>;
  resizeSweep: { file: string; width: number; height: number; outputs: { width: number; height: number; sha256: string }[] };
  equalizeSweep: { file: string; images: { rows: number; columns: number; sha256: string }[] };
}

const asset = (name: string): string => join(packageRootOf(import.meta.url), 'test-assets', 'preprocess', name);
const goldens = JSON.parse(readFileSync(asset('cases.json'), 'utf8')) as Goldens;

function sha256(data: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
}

/** A synthetic case's raw little-endian input as the frame our decoder would give. */
function syntheticFrame(c: GoldenCase): DecodedFrame {
  const bytes = readFileSync(asset(c.source));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const data: PixelArray = c.dtype === 'uint8' ? new Uint8Array(buffer) : c.dtype === 'uint16' ? new Uint16Array(buffer) : new Int16Array(buffer);
  return { rows: c.rows, columns: c.columns, samplesPerPixel: 1, bitsStored: data.BYTES_PER_ELEMENT * 8, signed: c.dtype === 'int16', photometricInterpretation: c.photometric, data };
}

async function caseFrame(c: GoldenCase): Promise<DecodedFrame> {
  if (c.synthetic) return syntheticFrame(c);
  const [folder, name] = c.source.split('/').slice(-2) as [string, string];
  return decodeFrame(pixelSource(readDicomFileSync(sharedFixture(folder, name))));
}

function firstDifference(a: Uint8Array, b: Uint8Array, width: number): string {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i < 0 ? 'none' : `(${i % width}, ${Math.floor(i / width)}): ${a[i]} where ${b[i]} was expected`;
}

describe('the golden preprocessing config is VINDR_PREPROCESS', () => {
  it('has the same size, mean and std', () => {
    assert.deepEqual([goldens.inputSize, goldens.mean, goldens.std], [VINDR_PREPROCESS.inputSize, VINDR_PREPROCESS.mean, VINDR_PREPROCESS.std]);
  });
});

describe('VinDr preprocessing equals the released pipeline (OpenCV + Pillow) bit for bit', () => {
  const [height, width] = VINDR_PREPROCESS.inputSize;
  for (const [name, c] of Object.entries(goldens.cases)) {
    it(`${name} (max ${c.max}${c.inverted ? ', inverted' : ''}${c.equalised ? ', equalised' : ''})`, async () => {
      const frame = await caseFrame(c);
      assert.deepEqual([frame.rows, frame.columns, frame.photometricInterpretation], [c.rows, c.columns, c.photometric]);
      assert.equal(sha256(frame.data), c.rawSha256, 'decoded stored values differ from pydicom + GDCM (a decoder difference, not a preprocessing one)');
      const { image: scaled, max } = scaleByMax(frame.data);
      assert.equal(max, c.max);
      assert.equal(sha256(scaled), c.scaledSha256, 'convertScaleAbs');
      const inverted = c.inverted ? scaled.map((v) => 255 - v) : scaled;
      assert.equal(sha256(c.equalised ? equalizeHist(inverted) : inverted), c.image8Sha256, 'bitwise_not / equalizeHist, step by step');
      const image8 = vindrImage8(frame);
      assert.equal(sha256(image8), c.image8Sha256, 'vindrImage8 (one composed table)');
      assert.equal(sha256(vindrImage8({ ...frame, data: Int32Array.from(frame.data) })), c.image8Sha256, 'vindrImage8 on 32-bit values (step by step)');
      const resized = resizeBilinear8(image8, c.columns, c.rows, width, height);
      const expected = new Uint8Array(readFileSync(asset(c.resized)));
      assert.ok(Buffer.from(resized).equals(expected), `resize: first difference at ${firstDifference(resized, expected, width)}`);
      assert.equal(sha256(resized), c.resizedSha256);
      const tensor = vindrTensor(frame, VINDR_PREPROCESS);
      for (const { index, value } of c.tensorSamples) assert.equal(tensor[index], value, `tensor[${index}]`);
      assert.equal(sha256(tensor), c.tensorSha256, 'float32 tensor bytes');
    });
  }
});

describe('resizeBilinear8 equals Pillow on a random image at many sizes', () => {
  const sweep = goldens.resizeSweep;
  const src = new Uint8Array(readFileSync(asset(sweep.file)));
  for (const out of sweep.outputs) {
    it(`${sweep.width}x${sweep.height} -> ${out.width}x${out.height}`, () => {
      assert.equal(sha256(resizeBilinear8(src, sweep.width, sweep.height, out.width, out.height)), out.sha256);
    });
  }
});

describe('equalizeHist equals cv2.equalizeHist on random images', () => {
  it(`all ${goldens.equalizeSweep.images.length} images`, () => {
    const all = new Uint8Array(readFileSync(asset(goldens.equalizeSweep.file)));
    let offset = 0;
    goldens.equalizeSweep.images.forEach(({ rows, columns, sha256: expected }, k) => {
      const image = all.subarray(offset, offset + rows * columns);
      offset += rows * columns;
      assert.equal(sha256(equalizeHist(image)), expected, `image ${k} (${rows}x${columns})`);
    });
    assert.equal(offset, all.length);
  });
});
