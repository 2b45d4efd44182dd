// Every frame of every shared fixture (and of the HTJ2K assets) must decode to the values of an
// independent reference: pydicom 2.3.1 + GDCM 3.0.21, masked and sign-extended as docs/imaging.md
// says (goldens from scripts/goldens/generate_pixel_goldens.py; exceptions in test-assets/goldens/README.md).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { DicomError, Tags, readDicomFileSync, type P10File } from '@cxrlab/dicom';
import { initCodecs } from '../codecs/registry.js';
import { sharedFixture, testAsset } from '../internal/test-assets.js';
import { dtypeOf, explainMismatch, firstDifference, loadPixelGoldens, minMax, sha256, shapeOf, type PixelGolden } from '../internal/pixel-goldens.js';
import { LOSSY_TOLERANCE, lossyDiff, withinTolerance } from '../internal/lossy-tolerance.js';
import { REFERENCE_FAILURES } from '../internal/pixel-golden-exceptions.js';
import { decodeFrame, pixelSource } from './decode-frame.js';
import type { DecodedFrame } from './decoded-frame.js';

const goldens = loadPixelGoldens();

async function checkFile(name: string, file: P10File, golden: PixelGolden): Promise<void> {
  // GDCM hands JPEG YCbCr back untransformed; we promise RGB, checked against rgb_frames.
  const rgb = golden.rgb_frames !== undefined;
  const frames = rgb ? golden.rgb_frames!.frames : golden.frames!;
  for (let k = 0; k < frames.length; k++) {
    const ours = await decodeFrame(pixelSource(file), k);
    const expected = frames[k]!;
    const where = `${name} frame ${k}`;
    assert.equal(dtypeOf(ours.data), expected.dtype, `${where}: dtype`);
    assert.deepEqual(shapeOf(ours), expected.shape, `${where}: shape`);
    assert.equal(ours.photometricInterpretation, rgb ? 'RGB' : golden.decoded_photometric_interpretation, `${where}: colour space`);
    if (golden.lossy) {
      const diff = lossyDiff(ours.data, expected, ours.columns, ours.samplesPerPixel);
      assert.ok(withinTolerance(diff, golden.codec_family!), `${where}: ${JSON.stringify(diff)} exceeds ${JSON.stringify(LOSSY_TOLERANCE[golden.codec_family!])}`);
      continue;
    }
    const [min, max] = minMax(ours.data);
    if (sha256(ours.data) !== expected.sha256) {
      assert.fail(`${explainMismatch(rgb ? `${name}#rgb` : name, k, ours)}; min/max ${min}/${max}, expected ${expected.min}/${expected.max}`);
    }
  }
  await assert.rejects(decodeFrame(pixelSource(file), frames.length), DicomError, `${name}: more frames than the reference`);
}

before(() => initCodecs());

describe('decoded pixels match pydicom + GDCM for every shared fixture', () => {
  for (const [name, golden] of Object.entries(goldens.fixtures)) {
    it(name, async () => {
      const failure = REFERENCE_FAILURES[name];
      if (golden.reference_error !== undefined) assert.ok(failure, `${name}: the reference failed (${golden.reference_error}); say what we do in REFERENCE_FAILURES`);
      if (failure && !('decodes' in failure)) {
        const expectError = (e: unknown) => e instanceof DicomError && e.code === failure.code && failure.message.test(e.message);
        if (failure.at === 'read') assert.throws(() => readDicomFileSync(sharedFixture(name)), expectError);
        else await assert.rejects(decodeFrame(pixelSource(readDicomFileSync(sharedFixture(name)))), expectError);
        return;
      }
      await checkFile(name, readDicomFileSync(sharedFixture(name)), golden);
    });
  }
});

describe('HTJ2K assets (ojph_compress) decode to their source arrays exactly', () => {
  for (const [name, golden] of Object.entries(goldens.htj2k)) {
    it(name, async () => {
      const file = readDicomFileSync(testAsset(name));
      assert.equal(file.transferSyntax.uid, golden.transfer_syntax);
      await checkFile(name, file, golden);
    });
  }
});

it('every shared fixture with Pixel Data has a pixel golden', () => {
  for (const dir of ['cr', 'edge']) {
    for (const file of readdirSync(sharedFixture(dir)).filter((f) => f.endsWith('.dcm'))) {
      const name = `${dir}/${file}`;
      let hasPixels: boolean;
      try {
        hasPixels = readDicomFileSync(sharedFixture(name)).dataSet.has(Tags.PixelData);
      } catch {
        hasPixels = false; // unreadable files are covered by the dicom package's golden test
      }
      if (hasPixels) assert.ok(goldens.fixtures[name], `${name} has Pixel Data but no golden: rerun npm run gen:pixel-goldens`);
    }
  }
});

describe('every lossless transfer syntax of a chest/extremity image gives the same array', () => {
  for (const image of ['RG2', 'RG3']) {
    it(image, async () => {
      const names = Object.keys(goldens.fixtures).filter((n) => n.startsWith(`cr/${image}_`) && !goldens.fixtures[n]!.lossy);
      assert.deepEqual(names.map((n) => n.slice(4 + image.length)).sort(), ['J2KR.dcm', 'JLSL.dcm', 'JPLL.dcm', 'RLE.dcm', 'UNC.dcm']);
      const reference = await decodeFrame(pixelSource(readDicomFileSync(sharedFixture(`cr/${image}_UNC.dcm`))));
      for (const name of names) {
        const ours = await decodeFrame(pixelSource(readDicomFileSync(sharedFixture(name))));
        assert.equal(ours.data.constructor, reference.data.constructor, name);
        const diff = firstDifference(ours.data, reference.data, reference.columns);
        assert.equal(diff, undefined, `${name} differs from ${image}_UNC at ${diff}`);
      }
    });
  }
});

describe('the lossy tolerances are tight', () => {
  it('cover the spread between the two reference decoders', () => {
    for (const [name, golden] of Object.entries(goldens.fixtures)) {
      if (!golden.lossy || !golden.frames) continue;
      const tolerance = LOSSY_TOLERANCE[golden.codec_family!]!;
      for (const f of [...golden.frames, ...(golden.rgb_frames?.frames ?? [])]) {
        assert.ok(f.second_reference_diff!.max_abs_diff <= tolerance.maxAbs && f.second_reference_diff!.mean_abs_diff <= tolerance.meanAbs, `${name}: the references disagree by more than the tolerance`);
      }
    }
  });

  it('reject a wrong byte order, unmasked high bits, a one-row offset and unconverted YCbCr', async () => {
    for (const [name, golden] of Object.entries(goldens.fixtures)) {
      if (!golden.lossy || !golden.frames) continue;
      const ours = await decodeFrame(pixelSource(readDicomFileSync(sharedFixture(name))));
      const expected = golden.rgb_frames?.frames[0] ?? golden.frames[0]!;
      const accepts = (data: ArrayLike<number>) => withinTolerance(lossyDiff(data, expected, ours.columns, ours.samplesPerPixel), golden.codec_family!);
      assert.ok(accepts(ours.data), `${name}: our own decode must pass`);
      for (const [what, data] of mutations(ours, golden)) assert.ok(!accepts(data), `${name}: ${what} passes the tolerance`);
    }
  });
});

/** Our frame with one realistic mistake each; every one must fall outside the tolerance. */
function mutations(ours: DecodedFrame, golden: PixelGolden): [string, ArrayLike<number>][] {
  const data = ours.data;
  const map = (f: (v: number, i: number) => number): Float64Array => {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = f(data[i]!, i);
    return out;
  };
  const row = ours.columns * ours.samplesPerPixel;
  // The next row's values: what a wrong frame or a wrong offset looks like.
  const out: [string, ArrayLike<number>][] = [['a one-row offset', map((_, i) => data[Math.min(i + row, data.length - 1)]!)]];
  if (data.BYTES_PER_ELEMENT === 2) out.push(['a wrong byte order', map((v) => ((v & 0xff) << 8) | ((v >> 8) & 0xff))]);
  if (ours.bitsStored < data.BYTES_PER_ELEMENT * 8) out.push(['an unmasked high bit', map((v) => v | (1 << ours.bitsStored))]);
  if (golden.rgb_frames) {
    out.push(['YCbCr left unconverted', map((_, i) => {
      const p = i - (i % 3);
      const [r, g, b] = [data[p]!, data[p + 1]!, data[p + 2]!];
      const c = i % 3 === 0 ? 0.299 * r + 0.587 * g + 0.114 * b : i % 3 === 1 ? 128 - 0.168736 * r - 0.331264 * g + 0.5 * b : 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
      return Math.min(255, Math.max(0, Math.round(c)));
    })]);
  }
  return out;
}
