import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { concatChunks, encodeDataSet, type DataSet } from '@cxrlab/dicom';
import { replacementUid } from '../ids/replacement-uid.js';
import { dateShiftDays } from './date-shift.js';
import { deidentifyBasic } from './deidentify-basic.js';
import { items, values } from './internal/test-data.js';
import { NESTED_INSTANCE, REFERENCED_INSTANCE, SOP_INSTANCE, STUDY, sampleDataSet } from './internal/sample-data-set.js';

const KEY = { key: new TextEncoder().encode('test key') };
const bytesOf = (ds: DataSet) => Buffer.from(concatChunks(encodeDataSet(ds, { explicitVR: true, littleEndian: true }).finish()));

describe('deidentifyBasic without options', () => {
  const input = sampleDataSet();
  const before = bytesOf(input);
  const out = deidentifyBasic(input, {}, KEY);

  it('leaves the input unmodified', () => assert.ok(bytesOf(input).equals(before)));

  it('removes (X), empties (Z) and dummies (D) by the table', () => {
    for (const tag of [0x00081030, 0x00101010, 0x00400275]) assert.equal(out.has(tag), false, tag.toString(16));
    for (const tag of [0x00080020, 0x00080030, 0x00080050, 0x00080090, 0x00100010, 0x00100030, 0x00100040]) {
      const e = out.get(tag);
      assert.ok(e?.kind === 'bytes' && e.value.length === 0, tag.toString(16));
    }
    assert.deepEqual(values(out, 0x00080021), ['19000101']);
    assert.deepEqual(values(out, 0x0008002a), ['19000101000000']);
    assert.deepEqual(values(out, 0x00080080), ['ANONYMIZED']);
    assert.deepEqual(values(out, 0x00100020), ['ANONYMIZED']);
  });

  it('removes private elements, curves and overlays', () => {
    for (const tag of [0x00090010, 0x00091001, 0x50000010, 0x60000010, 0x60003000]) assert.equal(out.has(tag), false, tag.toString(16));
  });

  it('keeps other elements as the same objects, Pixel Data included', () => {
    for (const tag of [0x00080005, 0x00080016, 0x00080060, 0x00280010, 0x7fe00010]) assert.equal(out.get(tag), input.get(tag), tag.toString(16));
  });

  it('replaces UIDs, at the top and inside the Referenced Image Sequence', () => {
    assert.deepEqual(values(out, 0x00080018), [replacementUid(SOP_INSTANCE, KEY.key)]);
    assert.deepEqual(values(out, 0x0020000d), [replacementUid(STUDY, KEY.key)]);
    const [ref] = items(out, 0x00081140);
    assert.deepEqual(values(ref!, 0x00081155), [replacementUid(REFERENCED_INSTANCE, KEY.key)]);
    assert.deepEqual(values(ref!, 0x00081150), ['1.2.840.10008.5.1.4.1.1.1.1']);
    assert.equal(ref!.parent, out, 'items hang from the new data set');
  });

  it('records the de-identification', () => {
    assert.deepEqual(values(out, 0x00120062), ['YES']);
    assert.deepEqual(values(out, 0x00120063), ['cxrlab: Basic Application Confidentiality Profile']);
    assert.deepEqual(items(out, 0x00120064).map((i) => [values(i, 0x00080100)[0], values(i, 0x00080102)[0], values(i, 0x00080104)[0]]), [
      ['113100', 'DCM', 'Basic Application Confidentiality Profile'],
    ]);
    assert.deepEqual(values(out, 0x00280303), ['REMOVED']);
  });
});

describe('deidentifyBasic with options', () => {
  it('cleans descriptors at every depth, reading nested text with the inherited character set', () => {
    const out = deidentifyBasic(sampleDataSet(), { cleanDescriptors: true }, KEY);
    assert.deepEqual(values(out, 0x00081030), ['Chest XXXXXX XXXXXXXXXX']);
    const [request] = items(out, 0x00400275);
    assert.deepEqual(values(request!, 0x00321060), ['Requested by XXXXXX']);
    assert.equal(values(request!, 0x00080050).length, 0, 'Accession Number emptied inside the item too');
    const [code] = items(request!, 0x00400008);
    assert.deepEqual(values(code!, 0x00080104), ['Chest for Müller'], 'a kept element is not cleaned');
    assert.deepEqual(values(code!, 0x00081155), [replacementUid(NESTED_INSTANCE, KEY.key)]);
    for (const tag of [0x00400006, 0x00110010, 0x00111001]) assert.equal(code!.has(tag), false, tag.toString(16));
    assert.equal(code!.parent, request);
    assert.deepEqual(items(out, 0x00120064).map((i) => values(i, 0x00080100)[0]), ['113100', '113105']);
  });

  it('shifts dates by the patient\'s days with Retain Modified Dates, keeps times, empties invalid dates', () => {
    const input = sampleDataSet();
    const out = deidentifyBasic(input, { retainModifiedDates: true }, KEY);
    const days = dateShiftDays('PAT001', KEY.key);
    const expected = new Date(Date.UTC(2020, 2, 15) - days * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    assert.deepEqual(values(out, 0x00080020), [expected]);
    assert.deepEqual(values(out, 0x0008002a), [`${expected}101010.5+0100`]);
    assert.equal(out.get(0x00080030), input.get(0x00080030));
    assert.deepEqual(values(out, 0x00280303), ['MODIFIED']);
    const invalid = deidentifyBasic(sampleDataSet('PAT001', '2020.03.15'), { retainModifiedDates: true }, KEY);
    assert.equal(values(invalid, 0x00080020).length, 0);
    assert.ok(invalid.has(0x00080020));
  });

  it('keeps dates with Retain Full Dates and UIDs with Retain UIDs', () => {
    const input = sampleDataSet();
    const out = deidentifyBasic(input, { retainFullDates: true, retainUids: true }, KEY);
    assert.equal(out.get(0x00080020), input.get(0x00080020));
    assert.equal(out.get(0x00080018), input.get(0x00080018));
    assert.deepEqual(values(out, 0x00280303), ['UNMODIFIED']);
    assert.deepEqual(items(out, 0x00120064).map((i) => values(i, 0x00080100)[0]), ['113100', '113106', '113110']);
  });

  it('refuses Retain Modified Dates with Retain Full Dates', () => {
    assert.throws(() => deidentifyBasic(sampleDataSet(), { retainFullDates: true, retainModifiedDates: true }, KEY), /exclude/);
  });
});
