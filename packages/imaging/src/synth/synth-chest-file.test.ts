import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Tags, encodeP10, getNumber, getNumbers, getString, getStrings, parseP10 } from '@cxrlab/dicom';
import { PIXEL_ENCODINGS, PIXEL_ENCODING_NAMES } from '../encode-pixels/pixel-encodings.js';
import { photometricFor, synthesizeChestFile } from './synth-chest-file.js';

const size = { rows: 128, columns: 112 };
const bytesOf = async (options: Parameters<typeof synthesizeChestFile>[0]): Promise<Uint8Array> => encodeP10((await synthesizeChestFile(options)).file);

describe('synthesizeChestFile', () => {
  for (const encoding of PIXEL_ENCODING_NAMES) {
    it(`${encoding}: same seed and index give the same bytes, another seed other bytes`, async () => {
      const a = await bytesOf({ ...size, encoding, seed: 7, index: 2 });
      const b = await bytesOf({ ...size, encoding, seed: 7, index: 2 });
      const c = await bytesOf({ ...size, encoding, seed: 8, index: 2 });
      assert.ok(Buffer.from(a).equals(b));
      assert.ok(!Buffer.from(a).equals(c));
    });
  }

  it('writes a header that agrees with the pixels and the transfer syntax', async () => {
    for (const encoding of PIXEL_ENCODING_NAMES) {
      const { file, image } = await synthesizeChestFile({ ...size, encoding, seed: 3, index: 0, bitsStored: 14, photometricInterpretation: 'MONOCHROME1' });
      const read = parseP10(encodeP10(file));
      const ds = read.dataSet;
      const { transferSyntaxUID, lossy } = PIXEL_ENCODINGS[encoding];
      assert.equal(read.transferSyntax.uid, transferSyntaxUID);
      assert.equal(getString(read.fileMeta!, Tags.TransferSyntaxUID), transferSyntaxUID);
      assert.equal(getString(read.fileMeta!, Tags.MediaStorageSOPInstanceUID), getString(ds, Tags.SOPInstanceUID));
      assert.match(getString(ds, Tags.SOPInstanceUID)!, /^2\.25\.\d{1,39}$/);
      assert.deepEqual([getNumber(ds, Tags.Rows), getNumber(ds, Tags.Columns)], [128, 112]);
      assert.deepEqual([getNumber(ds, Tags.BitsAllocated), getNumber(ds, Tags.BitsStored), getNumber(ds, Tags.HighBit), getNumber(ds, Tags.PixelRepresentation)], [16, 14, 13, 0]);
      assert.equal(getString(ds, Tags.PhotometricInterpretation), 'MONOCHROME1');
      assert.equal(getString(ds, 'PresentationLUTShape'), 'INVERSE');
      assert.deepEqual(getNumbers(ds, 'WindowCenter'), [image.windowCenter, image.windowCenter]);
      assert.equal(getNumbers(ds, 'WindowWidth')[0], image.windowWidth);
      assert.deepEqual([getNumber(ds, 'SmallestImagePixelValue'), getNumber(ds, 'LargestImagePixelValue')], [image.smallestValue, image.largestValue]);
      assert.equal(getString(ds, 'LossyImageCompression'), lossy ? '01' : '00');
      if (lossy) {
        assert.equal(getString(ds, 'LossyImageCompressionMethod'), PIXEL_ENCODINGS[encoding].method);
        assert.ok(getNumber(ds, 'LossyImageCompressionRatio')! > 1);
        assert.equal(getStrings(ds, 'ImageType')[0], 'DERIVED');
      }
      const pixels = ds.get(Tags.PixelData)!;
      if (encoding === 'explicit') {
        assert.equal(pixels.kind, 'bytes');
      } else {
        assert.equal(pixels.kind, 'fragments');
        if (pixels.kind !== 'fragments') continue;
        assert.deepEqual([...pixels.offsetTable], [0, 0, 0, 0]);
        assert.equal(pixels.fragments.length, 1);
        assert.equal(pixels.fragments[0]!.length % 2, 0);
      }
    }
  });

  it('gives a lossy copy a new SOP Instance UID, and keeps study and patient', async () => {
    const a = parseP10(await bytesOf({ ...size, encoding: 'jpeg-ls', seed: 4 })).dataSet;
    const b = parseP10(await bytesOf({ ...size, encoding: 'jpeg-ls-near', seed: 4 })).dataSet;
    assert.notEqual(getString(a, Tags.SOPInstanceUID), getString(b, Tags.SOPInstanceUID));
    assert.equal(getString(a, Tags.StudyInstanceUID), getString(b, Tags.StudyInstanceUID));
    assert.equal(getString(a, Tags.PatientID), getString(b, Tags.PatientID));
  });

  it('alternates CR / DX and, when mixed, MONOCHROME1 / MONOCHROME2 by index', async () => {
    assert.deepEqual([0, 1, 2, 3].map((i) => photometricFor('mixed', i)), ['MONOCHROME1', 'MONOCHROME2', 'MONOCHROME1', 'MONOCHROME2']);
    assert.equal(photometricFor('MONOCHROME2', 0), 'MONOCHROME2');
    const even = (await synthesizeChestFile({ ...size, index: 4, photometricInterpretation: 'mixed' })).file.dataSet;
    const odd = (await synthesizeChestFile({ ...size, index: 5, photometricInterpretation: 'mixed' })).file.dataSet;
    assert.deepEqual([getString(even, Tags.Modality), getString(even, Tags.PhotometricInterpretation)], ['CR', 'MONOCHROME1']);
    assert.deepEqual([getString(odd, Tags.Modality), getString(odd, Tags.PhotometricInterpretation)], ['DX', 'MONOCHROME2']);
    assert.notEqual(getString(even, Tags.PatientID), getString(odd, Tags.PatientID));
  });
});
