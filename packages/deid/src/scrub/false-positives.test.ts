import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDicomFileSync } from '@cxrlab/dicom';
import { decodeFrame, pixelSource, synthesizeChestImage } from '@cxrlab/imaging';
import { sharedFixture } from '../internal/test-assets.js';
import { findTextRegions } from './find-text-regions.js';

async function regionsOf(...path: string[]) {
  const file = readDicomFileSync(sharedFixture(...path));
  return findTextRegions(await decodeFrame(pixelSource(file)));
}

describe('findTextRegions finds no text where there is none', () => {
  // Half size: the same anatomy over half the pixels is twice as sharp, a harder case.
  for (const [seed, photometric] of [[3, 'MONOCHROME1'], [4, 'MONOCHROME2'], [6, 'MONOCHROME2']] as const) {
    it(`synthetic chest, seed ${seed}, ${photometric}, 1394 x 1223`, () => {
      const image = synthesizeChestImage({ seed, photometricInterpretation: photometric, rows: 1394, columns: 1223, bitsStored: 14 });
      const frame = { rows: image.rows, columns: image.columns, samplesPerPixel: 1, bitsStored: 14, signed: false, photometricInterpretation: photometric, data: image.pixels };
      assert.deepEqual(findTextRegions(frame), []);
    });
  }

  // Real radiographs: a hip with surgical staples and hard collimation (RG2, also as 12-bit lossy
  // JPEG) and a small chest (CR-MONO1-10). RG1 (a chest with a sharp-edged processing artefact
  // along its top) is in scrub-real-fixtures.test.ts.
  for (const path of [['cr', 'RG2_UNC.dcm'], ['cr', 'RG2_JPLY.dcm'], ['cr', 'CR-MONO1-10-chest.dcm']]) {
    it(`real CR ${path[1]}`, async () => {
      assert.deepEqual(await regionsOf(...path), []);
    });
  }

  // Not radiographs, so outside what the detector is tuned for; their sharp anatomy must still not
  // be mistaken for text over the whole image.
  for (const name of ['MR-SIEMENS-DICOM-WithOverlays.dcm', 'MR_small.dcm', 'CT_small.dcm']) {
    it(`${name}`, async () => {
      assert.deepEqual(await regionsOf('edge', name), []);
    });
  }
});

describe('findTextRegions finds the burned-in marker of a real radiograph', () => {
  // RG3 (an ankle, MONOCHROME1) carries a lead "R" marker, mirrored, at about (1160-1210, 1395-1465):
  // physical lettering exposed with the patient, but lettering that identifies the side all the same.
  for (const name of ['RG3_UNC.dcm', 'RG3_J2KI.dcm']) {
    it(`${name}: one region, around the R`, async () => {
      const regions = await regionsOf('cr', name);
      assert.equal(regions.length, 1, JSON.stringify(regions));
      const [r] = regions;
      assert.ok(r!.x >= 1140 && r!.y >= 1380 && r!.x + r!.width <= 1230 && r!.y + r!.height <= 1480, JSON.stringify(r));
      assert.ok(r!.width >= 60 && r!.height >= 75, JSON.stringify(r));
    });
  }
});
