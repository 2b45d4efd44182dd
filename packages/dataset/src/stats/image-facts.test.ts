// DICOM header facts for Table 2: the shared CR fixture, and Age String parsing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { imageFacts } from './image-facts.js';

describe('imageFacts', () => {
  it('reads rows, columns, sex and bytes of RG1_J2KI.dcm (which has no PatientAge)', () => {
    const path = sharedFixture('cr', 'RG1_J2KI.dcm');
    assert.deepEqual(imageFacts(path), { imageId: 'RG1_J2KI', rows: 1955, columns: 1841, sex: 'F', bytes: statSync(path).size });
  });

  it('takes the image id given', () => {
    assert.equal(imageFacts(sharedFixture('cr', 'RG1_J2KI.dcm'), 'abc').imageId, 'abc');
  });

  it('throws, naming the file, for a file that is missing', () => {
    assert.throws(() => imageFacts(sharedFixture('cr', 'no-such-file.dcm')), /no-such-file\.dcm/);
  });
});
