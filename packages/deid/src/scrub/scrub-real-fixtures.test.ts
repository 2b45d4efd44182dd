import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Tags, TransferSyntaxes, readDicomFileSync, type P10File } from '@cxrlab/dicom';
import { decodeFrame, encodePixelData, pixelSource, type PixelEncoding } from '@cxrlab/imaging';
import { sharedFixture } from '../internal/test-assets.js';
import { checkScrub } from './internal/check-scrub.js';
import { plantLabels, type Label } from './internal/plant-text.js';
import { scrubPixelData } from './scrub-pixel-data.js';

const T = TransferSyntaxes;
const fixture = (name: string): P10File => readDicomFileSync(sharedFixture('cr', name));

/** A real radiograph with labels burned into its decoded pixels, re-encoded as `encoding`. */
async function planted(name: string, labels: Label[], encoding: PixelEncoding) {
  const file = fixture(name);
  const frame = await decodeFrame(pixelSource(file));
  const pixels = Uint16Array.from(frame.data);
  const boxes = plantLabels(pixels, frame.rows, frame.columns, labels, 0, 2 ** frame.bitsStored - 1).map((p) => p.box);
  const encoded = await encodePixelData({ pixels, rows: frame.rows, columns: frame.columns, bitsStored: frame.bitsStored }, encoding);
  const dataSet = file.dataSet;
  dataSet.set(encoded.element);
  return { input: { dataSet, transferSyntax: { uid: encoded.transferSyntaxUID } }, boxes };
}

describe('scrubPixelData on real radiographs', () => {
  it('RG2 (hip, MONOCHROME2, 10 bits), native: planted labels blanked', async () => {
    const { input, boxes } = await planted('RG2_UNC.dcm', [
      { text: 'DOE^JOHN 12345678', scale: 3, x: 200, y: 40 },
      { text: 'SMITH^ANNA', scale: 4, x: 1150, y: 80 },
      { text: '2019/03/14', scale: 2, x: 1450, y: 1900 },
      { text: 'LT', scale: 5, x: 600, y: 1200 },
    ], 'explicit');
    await checkScrub(input, await scrubPixelData(input), [boxes], T.ExplicitVRLittleEndian.uid);
  });

  it('RG1 (chest, MONOCHROME1, 15 bits), near-lossless JPEG-LS: written back as JPEG-LS lossless', async () => {
    const { input, boxes } = await planted('RG1_JLSN.dcm', [
      { text: 'DOE^JOHN 12345678', scale: 3, x: 60, y: 1600 },
      { text: 'PA ERECT', scale: 2, x: -40, y: -30 },
    ], 'jpeg-ls-near');
    assert.equal(input.transferSyntax.uid, T.JPEGLSNearLossless.uid);
    await checkScrub(input, await scrubPixelData(input), [boxes], T.JPEGLSLossless.uid);
  });

  // RG3's lead "R" marker, as the fixture holds it: real JPEG lossless data, scrubbed as it comes.
  // (A real JPEG 2000 file is the same path as the synthetic ones, at 0.8 s: left to those.)
  it('RG3_JPLL.dcm: the R marker blanked, written back native', async () => {
    const input = fixture('RG3_JPLL.dcm');
    const result = await scrubPixelData(input);
    assert.equal(result.regions.length, 1);
    await checkScrub(input, result, [[{ x: 1160, y: 1395, width: 50, height: 70 }]], T.ExplicitVRLittleEndian.uid);
  });

  // RG1 has a sharp-edged processing artefact along its top, steps in both orientations, not text.
  it('RG1_J2KI, which has no text: no region, no new pixel data, so the original bytes are kept', async () => {
    const input = fixture('RG1_J2KI.dcm');
    const result = await scrubPixelData(input);
    assert.deepEqual(result, { regions: [], unusedBitsCleared: 0 });
    assert.equal(input.dataSet.get(Tags.PixelData)?.kind, 'fragments');
  });
});
