import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { imageSizeFromDicom, imageSizesFromDicomFolder, readImageSizesCsv, writeImageSizesCsv } from './image-sizes.js';
import { throwsAt } from './test-helpers.test.js';

const FIXTURE = sharedFixture('cr', 'RG2_UNC.dcm');

describe('image sizes', () => {
  it('reads a DICOM size from Columns and Rows', () => {
    assert.deepEqual(imageSizeFromDicom(FIXTURE), { width: 1760, height: 2140 });
  });

  it('reads the DICOM files of a folder by image id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-sizes-'));
    try {
      copyFileSync(FIXTURE, join(dir, 'b0c1d2.dicom'));
      copyFileSync(FIXTURE, join(dir, 'a9.DCM'));
      writeFileSync(join(dir, 'notes.txt'), 'not an image');
      assert.deepEqual([...imageSizesFromDicomFolder(dir)], [['a9', { width: 1760, height: 2140 }], ['b0c1d2', { width: 1760, height: 2140 }]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads and writes a size table', () => {
    const text = 'image_id,width,height\nb0c1d2,1760,2140\na9,3000,2500\n';
    const sizes = readImageSizesCsv(text, { file: 'sizes.csv' });
    assert.deepEqual([...sizes], [['b0c1d2', { width: 1760, height: 2140 }], ['a9', { width: 3000, height: 2500 }]]);
    assert.equal(writeImageSizesCsv(sizes), text);
    assert.deepEqual(readImageSizesCsv('height,image_id,width\n2,q,1\n'), new Map([['q', { width: 1, height: 2 }]]));
  });

  it('reports a size that is not a positive integer, and an image listed twice', () => {
    throwsAt(() => readImageSizesCsv('image_id,width,height\na,10.5,3\n', { file: 's.csv' }), 's.csv', 2, 2, 'width: 10.5 is not a positive integer');
    throwsAt(() => readImageSizesCsv('image_id,width,height\na,1,0\n', { file: 's.csv' }), 's.csv', 2, 3, 'height: 0 is not a positive integer');
    throwsAt(() => readImageSizesCsv('image_id,width,height\na,1,1\na,2,2\n', { file: 's.csv' }), 's.csv', 3, 1, 'image a is listed twice');
  });
});
