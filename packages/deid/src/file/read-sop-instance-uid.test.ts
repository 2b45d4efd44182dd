import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Tags, getString, readDicomFileSync } from '@cxrlab/dicom';
import { readableFixtures } from '@cxrlab/dicom/testing';
import { readSopInstanceUid } from './read-sop-instance-uid.js';

describe('readSopInstanceUid', () => {
  it('reads the SOP Instance UID every readable fixture has, as a full header read does', () => {
    for (const path of readableFixtures()) {
      const expected = getString(readDicomFileSync(path, { stopBeforePixelData: true }).dataSet, Tags.SOPInstanceUID)?.replace(/[\0 ]+$/, '') || undefined;
      assert.equal(readSopInstanceUid(path), expected, path);
    }
  });
});
