// DICOM header facts for Table 2: the shared CR fixture, and Age String parsing.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { imageFacts, parseDicomAge } from './image-facts.js';

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

describe('parseDicomAge', () => {
  const CASES: Array<[string | undefined, number | undefined]> = [
    ['045Y', 45], ['006M', 0.5], ['014D', 14 / 365.25], ['002W', 14 / 365.25], ['000Y', 0], [' 070Y ', 70], ['45', 45], ['045y', 45],
    [undefined, undefined], ['', undefined], ['Y', undefined], ['04XY', undefined], ['045Q', undefined], ['-45Y', undefined],
  ];
  for (const [text, years] of CASES) {
    it(`${JSON.stringify(text)} -> ${years}`, () => assert.equal(parseDicomAge(text), years));
  }
});
