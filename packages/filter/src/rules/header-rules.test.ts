import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readHeader } from '../header/read-header.js';
import { headerFacts, type HeaderFacts } from '../header/header-facts.js';
import { sharedFixture } from '../internal/test-assets.js';
import { DEFAULT_HEADER_RULES, headerFindings } from './header-rules.js';

function factsOf(dir: string, name: string): HeaderFacts {
  const { file, hasPixelData } = readHeader(sharedFixture(dir, name));
  return headerFacts(file.dataSet, hasPixelData);
}

const codes = (facts: HeaderFacts, options = DEFAULT_HEADER_RULES): string[] => headerFindings(facts, options).map((f) => f.code);

describe('headerFindings on the shared fixtures', () => {
  it('finds nothing against the adult frontal chests RG1 and CR-MONO1-10-chest', () => {
    assert.deepEqual(codes(factsOf('cr', 'RG1_JLSN.dcm')), []);
    assert.deepEqual(codes(factsOf('cr', 'RG1_J2KI.dcm')), []);
    assert.deepEqual(codes(factsOf('cr', 'CR-MONO1-10-chest.dcm')), []);
  });
  it('drops the hip and the extremity for their body part, naming it', () => {
    assert.deepEqual(headerFindings(factsOf('cr', 'RG2_UNC.dcm')), [{ code: 'BODY_PART_NOT_CHEST', detail: 'Body Part Examined HIP' }]);
    // RG3 is a right tibia: Image Laterality R hints too
    assert.deepEqual(codes(factsOf('cr', 'RG3_JPLL.dcm')), ['BODY_PART_NOT_CHEST', 'VIEW_LATERAL_HINT']);
  });
  it('drops CT, MR, US, NM and secondary captures for their modality', () => {
    for (const name of ['CT_small.dcm', 'MR_small.dcm', 'gdcm-US-ALOKA-16.dcm', 'JPEG2000.dcm', 'SC_rgb.dcm']) {
      assert.ok(codes(factsOf('edge', name)).includes('MODALITY_NOT_XRAY'), name);
    }
    assert.ok(codes(factsOf('edge', 'gdcm-US-ALOKA-16.dcm')).includes('NOT_MONOCHROME'));
    assert.ok(codes(factsOf('edge', 'CT_small.dcm')).includes('AGE_UNDER_MIN'), 'CT_small says 000Y');
  });
  it('says a structured report is not an image', () => {
    assert.deepEqual(codes(factsOf('edge', 'test-SR.dcm')), ['MODALITY_NOT_XRAY', 'NOT_IMAGE']);
  });
});

describe('headerFindings on variants of a chest', () => {
  const chest = factsOf('cr', 'RG1_JLSN.dcm');
  const variant = (patch: Partial<HeaderFacts>): HeaderFacts => ({ ...chest, ...patch });

  it('drops children by Patient Age, or by birth and study dates when there is none', () => {
    assert.deepEqual(headerFindings(variant({ patientAge: '008Y' })), [{ code: 'AGE_UNDER_MIN', detail: 'Patient Age 008Y: 8 years < 18' }]);
    assert.deepEqual(codes(variant({ patientAge: '018M' })), ['AGE_UNDER_MIN']);
    assert.deepEqual(codes(variant({ patientAge: '018Y' })), []);
    assert.deepEqual(codes(variant({ patientAge: undefined, patientBirthDate: '20000101', studyDate: '20101231' })), ['AGE_UNDER_MIN']);
    assert.deepEqual(codes(variant({ patientAge: '008Y' }), { ...DEFAULT_HEADER_RULES, minAge: 5 }), []);
  });
  it('drops lateral views and asks for review on lateral hints', () => {
    for (const viewPosition of ['LL', 'RL', 'LAT', 'LATERAL']) assert.deepEqual(codes(variant({ viewPosition })), ['VIEW_LATERAL'], viewPosition);
    assert.deepEqual(codes(variant({ viewPosition: undefined, viewCodeMeaning: 'left lateral' })), ['VIEW_LATERAL']);
    assert.deepEqual(codes(variant({ descriptions: ['CHEST LAT'] })), ['VIEW_LATERAL_HINT']);
    assert.deepEqual(codes(variant({ imageLaterality: 'L' })), ['VIEW_LATERAL_HINT']);
    assert.deepEqual(codes(variant({ imageLaterality: 'B' })), []);
  });
  it('checks modality, frames, colour, size and aspect', () => {
    assert.deepEqual(codes(variant({ modality: undefined })), ['MODALITY_MISSING']);
    assert.deepEqual(codes(variant({ modality: 'DX' })), []);
    assert.deepEqual(codes(variant({ numberOfFrames: 3 })), ['MULTI_FRAME']);
    assert.deepEqual(codes(variant({ photometricInterpretation: 'RGB', samplesPerPixel: 3 })), ['NOT_MONOCHROME']);
    assert.deepEqual(codes(variant({ rows: 300, columns: 300 })), ['TOO_SMALL']);
    assert.deepEqual(codes(variant({ rows: 1955 }), { ...DEFAULT_HEADER_RULES, minSize: 2000 }), ['TOO_SMALL']);
    assert.deepEqual(codes(variant({ rows: 2000, columns: 900 })), ['ASPECT_RATIO']);
    assert.deepEqual(codes(variant({ hasPixelData: false })), ['NOT_IMAGE']);
    assert.deepEqual(codes(variant({ modality: 'DR', bodyPartExamined: 'KNEE' }), { ...DEFAULT_HEADER_RULES, modalities: ['CR'] }), ['MODALITY_NOT_XRAY', 'BODY_PART_NOT_CHEST']);
  });
});
