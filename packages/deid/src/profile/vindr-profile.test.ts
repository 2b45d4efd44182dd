import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '../internal/test-assets.js';
import { sampleDataSet } from './internal/sample-data-set.js';
import { text, values } from './internal/test-data.js';
import { VINDR_KEEP, deidentifyVindr } from './vindr-profile.js';

const NEW_UID = '2.25.123456789';

describe('vindr profile', () => {
  it('is Table 4 of the VinDr-CXR paper plus SOP Class and Instance UIDs', () => {
    const table4 = [0x00100040, 0x00101010, 0x00101020, 0x00101030, 0x00280002, 0x00280004, 0x00280008, 0x00280010,
      0x00280011, 0x00280030, 0x00280034, 0x00280100, 0x00280101, 0x00280102, 0x00280103, 0x00280106, 0x00280107,
      0x00281050, 0x00281051, 0x00281052, 0x00281053, 0x00282110, 0x00282112, 0x00282114, 0x7fe00010];
    assert.deepEqual([...VINDR_KEEP].sort((a, b) => a - b), [0x00080016, 0x00080018, ...table4].sort((a, b) => a - b));
  });

  it('keeps only whitelisted top-level elements, as the same objects, with a new SOP Instance UID', () => {
    const input = sampleDataSet();
    input.set(text(0x00281050, 'DS', '40'));
    const out = deidentifyVindr(input, NEW_UID);
    assert.notEqual(out, input);
    assert.deepEqual(out.tags(), [0x00080016, 0x00080018, 0x00100040, 0x00101010, 0x00280010, 0x00280011, 0x00281050, 0x7fe00010]);
    for (const tag of [0x00080016, 0x00100040, 0x00101010, 0x00280010, 0x00281050, 0x7fe00010]) assert.equal(out.get(tag), input.get(tag));
    assert.deepEqual(values(out, 0x00080018), [NEW_UID]);
    assert.deepEqual(values(input, 0x00080018), ['1.2.826.0.1.3680043.2.1125.100'], 'input untouched');
    assert.ok(input.has(0x00100010) && input.has(0x00081140));
  });

  it('passes encapsulated Pixel Data through and drops sequences and private groups of a real file', () => {
    const input = readDicomFileSync(sharedFixture('edge', 'JPEG2000.dcm')).dataSet;
    const out = deidentifyVindr(input, NEW_UID);
    assert.equal(out.get(0x7fe00010), input.get(0x7fe00010));
    assert.equal(out.get(0x7fe00010)?.kind, 'fragments');
    for (const e of out) assert.ok(VINDR_KEEP.has(e.tag) && e.kind !== 'sequence', e.tag.toString(16));
  });
});
