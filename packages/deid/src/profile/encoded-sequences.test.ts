import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bytesElement, isPrivateTag, readDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '../internal/test-assets.js';
import { replacementUid } from '../ids/replacement-uid.js';
import { deidentifyBasic } from './deidentify-basic.js';
import { dataSet, items, sequence, text, values } from './internal/test-data.js';
import { walkDataSet } from './walk-data-set.js';

const KEY = { key: undefined };
const edge = (name: string) => readDicomFileSync(sharedFixture('edge', name)).dataSet;

describe('UN and private encodings', () => {
  it('de-identifies a sequence encoded as UN like SQ, and keeps it UN', () => {
    const input = dataSet([sequence(0x00081140, [[text(0x00081155, 'UI', '1.2.3.4')], [text(0x00091001, 'LO', 'x')]], undefined, 'UN')]);
    const out = deidentifyBasic(input, {}, KEY);
    const e = out.get(0x00081140);
    assert.ok(e?.kind === 'sequence' && e.vr === 'UN');
    const [a, b] = items(out, 0x00081140);
    assert.deepEqual(values(a!, 0x00081155), [replacementUid('1.2.3.4', undefined)]);
    assert.equal(b!.size, 0);
  });

  it('keeps the UN sequence of bad_sequence.dcm, items examined', () => {
    const out = deidentifyBasic(edge('bad_sequence.dcm'), {}, KEY);
    const e = out.get(0x00189346);
    assert.ok(e?.kind === 'sequence' && e.vr === 'UN' && e.items.length === 1);
  });

  it('removes a sequence left as UN bytes, which cannot be inspected', () => {
    const input = dataSet([bytesElement(0x00081140, 'UN', new Uint8Array(8)), bytesElement(0x00080060, 'UN', new TextEncoder().encode('DX'))]);
    const out = deidentifyBasic(input, {}, KEY);
    assert.equal(out.has(0x00081140), false);
    assert.equal(out.get(0x00080060), input.get(0x00080060));
  });

  it('rewrites UN values with their dictionary VR (explicit_VR-UN.dcm)', () => {
    const input = edge('explicit_VR-UN.dcm');
    const out = deidentifyBasic(input, {}, KEY);
    const id = out.get(0x00100020);
    assert.ok(id?.kind === 'bytes' && id.vr === 'LO');
    assert.deepEqual(values(out, 0x00100020), ['ANONYMIZED']);
    assert.equal(values(out, 0x00100010).length, 0);
    const study = input.get(0x0020000d);
    assert.ok(study?.kind === 'bytes');
    assert.deepEqual(values(out, 0x0020000d), [replacementUid(new TextDecoder().decode(study.value), undefined)]);
  });

  it('leaves no private element at any depth of private sequences', () => {
    for (const name of ['nested_priv_SQ.dcm', 'priv_SQ.dcm', 'CT_small.dcm', 'explicit_VR-UN.dcm']) {
      const input = edge(name);
      let privateIn = 0;
      walkDataSet(input, (_, e) => void (isPrivateTag(e.tag) && privateIn++));
      assert.ok(privateIn > 0, name);
      walkDataSet(deidentifyBasic(input, {}, KEY), (_, e) => assert.ok(!isPrivateTag(e.tag), `${name} ${e.tag.toString(16)}`));
    }
  });
});
