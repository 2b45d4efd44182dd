import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { readDicomFileSync, type DataSet } from '@cxrlab/dicom';
import { sharedFixture } from '../internal/test-assets.js';
import { auditDataSet } from './audit-data-set.js';
import { deidentifyBasic } from './deidentify-basic.js';
import { sampleDataSet } from './internal/sample-data-set.js';
import { items, text } from './internal/test-data.js';
import type { BasicProfileOptions } from './profile-options.js';
import { deidentifyVindr } from './vindr-profile.js';

const KEY = { key: new Uint8Array([9, 9]) };
const OPTION_SETS: BasicProfileOptions[] = [{}, { cleanDescriptors: true, retainModifiedDates: true }, { retainFullDates: true, retainUids: true, retainDeviceIdentity: true, retainPatientCharacteristics: true, retainInstitutionIdentity: true }];

/** Every fixture the reader accepts. */
function fixtures(): [string, DataSet][] {
  const out: [string, DataSet][] = [];
  for (const dir of ['edge', 'cr']) {
    for (const name of readdirSync(sharedFixture(dir)).filter((n) => n.endsWith('.dcm'))) {
      try { out.push([name, readDicomFileSync(sharedFixture(dir, name)).dataSet]); } catch { /* truncated and meta-less files */ }
    }
  }
  return out;
}

describe('auditDataSet', () => {
  it('finds the identifying elements of an original at every depth', () => {
    const codes = auditDataSet(sampleDataSet(), 'basic', {}).map((f) => `${f.path} ${f.code}`);
    for (const expected of ['00100010 name-or-date-survives', '00081030 removed-element', '00080050 value-not-empty', '00080080 value-not-dummy',
      '00080018 uid-not-replaced', '00091001 private-tag', '60003000 removed-element', '00400275 removed-element', '00081140/[0]/00081155 uid-not-replaced']) {
      assert.ok(codes.includes(expected), `${expected} in ${codes.join(', ')}`);
    }
  });

  it('finds nothing in de-identified fixtures, whatever the options', () => {
    assert.ok(fixtures().length > 40);
    for (const options of OPTION_SETS) {
      for (const [name, ds] of [['sample', sampleDataSet()] as [string, DataSet], ...fixtures()]) {
        assert.deepEqual(auditDataSet(deidentifyBasic(ds, options, KEY), 'basic', options), [], `${name} ${JSON.stringify(options)}`);
        assert.deepEqual(auditDataSet(deidentifyVindr(ds, '2.25.1'), 'vindr', {}), [], `${name} vindr`);
      }
    }
  });

  it('finds a violation planted two sequence levels deep', () => {
    const out = deidentifyBasic(sampleDataSet(), { cleanDescriptors: true }, KEY);
    const [code] = items(items(out, 0x00400275)[0]!, 0x00400008);
    code!.set(text(0x00100010, 'PN', 'Doe^Jane'));
    code!.set(text(0x00431001, 'LO', 'x'));
    assert.deepEqual(auditDataSet(out, 'basic', { cleanDescriptors: true }).map(({ path, tag, code }) => ({ path, tag, code })), [
      { path: '00400275/[0]/00400008/[0]/00100010', tag: 0x00100010, code: 'name-or-date-survives' },
      { path: '00400275/[0]/00400008/[0]/00431001', tag: 0x00431001, code: 'private-tag' },
    ]);
  });

  it('for vindr, reports elements off the whitelist and any sequence', () => {
    const out = deidentifyVindr(sampleDataSet(), '2.25.1');
    out.set(text(0x00080060, 'CS', 'DX'));
    out.set(deidentifyBasic(sampleDataSet(), {}, KEY).get(0x00081140)!);
    assert.deepEqual(auditDataSet(out, 'vindr', {}).map(({ path, code }) => `${path} ${code}`), ['00080060 not-whitelisted', '00081140 sequence']);
  });
});
