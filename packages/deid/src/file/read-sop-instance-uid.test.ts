import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { Tags, getString, readDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '../internal/test-assets.js';
import { readSopInstanceUid } from './read-sop-instance-uid.js';

const fixtures = ['cr', 'edge'].flatMap((dir) => readdirSync(sharedFixture(dir)).filter((n) => n.endsWith('.dcm')).map((n) => sharedFixture(dir, n)));

function readable(path: string): boolean {
  try {
    readDicomFileSync(path);
    return true;
  } catch {
    return false;
  }
}

describe('readSopInstanceUid', () => {
  it('reads the SOP Instance UID every readable fixture has, as a full header read does', () => {
    for (const path of fixtures.filter(readable)) {
      const expected = getString(readDicomFileSync(path, { stopBeforePixelData: true }).dataSet, Tags.SOPInstanceUID)?.replace(/[\0 ]+$/, '') || undefined;
      assert.equal(readSopInstanceUid(path), expected, path);
    }
  });
});
