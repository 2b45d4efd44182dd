import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { readImageHeader } from './image-header.js';
import { ImageError } from './image-error.js';
import { imageGoldens, scratchDir, writeSynthImage } from './internal/test-images.js';

const scratch = scratchDir();
after(scratch.remove);

describe('readImageHeader: real fixtures against pydicom (image-goldens.json)', () => {
  for (const [name, golden] of imageGoldens()) {
    it(name, () => {
      const header = readImageHeader(golden.path);
      const g = golden.header;
      assert.deepEqual(
        { width: header.width, height: header.height, bitsStored: header.bitsStored, photometric: header.photometric, samplesPerPixel: header.samplesPerPixel },
        { width: g.width, height: g.height, bitsStored: g.bitsStored, photometric: g.photometric, samplesPerPixel: g.samplesPerPixel },
      );
      assert.equal(header.transferSyntaxUid, g.transferSyntaxUid);
      assert.equal(header.sopInstanceUid, g.sopInstanceUid);
      assert.deepEqual(header.windows.map(({ center, width }) => ({ center, width })), g.windows);
      assert.deepEqual(header.keyValues, g.keyValues);
      assert.deepEqual(header.identity, g.identity);
    });
  }

  it('RG1 is the MONOCHROME1 chest, its window named Header 1', () => {
    const header = readImageHeader(sharedFixture('cr', 'RG1_J2KI.dcm'));
    assert.deepEqual([header.width, header.height, header.photometric], [1841, 1955, 'MONOCHROME1']);
    assert.deepEqual(header.windows, [{ name: 'Header 1', center: 15000, width: 30000 }]);
    assert.equal(header.keyValues.BodyPartExamined, 'CHEST');
  });

  it('reads only the header: a file whose pixel data is truncated still gives one', () => {
    const header = readImageHeader(sharedFixture('edge', 'MR_truncated.dcm'));
    assert.deepEqual([header.width, header.height], [64, 64]);
  });
});

describe('readImageHeader: identity', () => {
  it('lists what a synthetic chest header identifies, and its explained windows', async () => {
    const path = await writeSynthImage(join(scratch.dir, 'identified.dcm'));
    const header = readImageHeader(path);
    assert.deepEqual(header.identity, ['PatientName', 'PatientID', 'PatientBirthDate', 'InstitutionName', 'InstitutionAddress', 'ReferringPhysicianName', 'AccessionNumber']);
    assert.deepEqual(header.windows.map((w) => w.name), ['NORMAL', 'HARDER']);
    assert.equal(header.keyValues.BodyPartExamined, 'CHEST');
  });

  it('gives [] for a de-identified file (dummy name and birth date, institution removed, the rest emptied)', async () => {
    const path = await writeSynthImage(join(scratch.dir, 'deidentified.dcm'), {}, [
      [0x00100010, 'PN', 'ANONYMIZED'],
      [0x00100030, 'DA', '19000101'],
      [0x00100020, 'LO', ''],
      [0x00080050, 'SH', ''],
      [0x00080090, 'PN', ''],
      [0x00080080],
      [0x00080081],
    ]);
    assert.deepEqual(readImageHeader(path).identity, []);
  });
});

describe('readImageHeader: errors name the file and the reason', () => {
  it('a missing file', () => {
    const path = join(scratch.dir, 'missing.dcm');
    assert.throws(() => readImageHeader(path), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_NOT_FOUND' && e.message.startsWith(path + ': '));
  });

  it('a file that is not DICOM', () => {
    const path = join(scratch.dir, 'notes.dcm');
    writeFileSync(path, 'these are not the bytes of an image\n'.repeat(20));
    assert.throws(() => readImageHeader(path), (e: unknown) => e instanceof ImageError && e.code === 'ERR_IMAGE_HEADER' && e.message.includes(path) && /cannot read the header: .+/.test(e.message));
  });

  it('a data set that is not an image', async () => {
    const path = await writeSynthImage(join(scratch.dir, 'no-rows.dcm'), {}, [[0x00280010]]);
    assert.throws(() => readImageHeader(path), { name: 'ImageError', message: `${path}: not an image: no Rows or Columns` });
  });
});
