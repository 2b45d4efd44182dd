import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deidentifyBasic } from './deidentify-basic.js';
import { items, text, values } from './internal/test-data.js';
import { REFERENCED_INSTANCE, STUDY, sampleDataSet } from './internal/sample-data-set.js';

const KEY = { key: new TextEncoder().encode('site key') };
const NO_KEY = { key: undefined };
const first = (ds: Parameters<typeof values>[0], tag: number) => values(ds, tag)[0];

/** The instance the sample's Referenced Image Sequence points at: same patient and study. */
function referencedInstance() {
  const ds = sampleDataSet('PAT001', '20200310');
  ds.set(text(0x00080018, 'UI', REFERENCED_INSTANCE));
  return ds;
}

describe('consistency across files', () => {
  it('maps a UID to the same replacement in every data set, and differently with a key', () => {
    const a = deidentifyBasic(sampleDataSet(), {}, KEY);
    const b = deidentifyBasic(referencedInstance(), {}, KEY);
    assert.equal(first(a, 0x0020000d), first(b, 0x0020000d));
    assert.notEqual(first(a, 0x0020000d), STUDY);
    assert.notEqual(first(a, 0x00080018), first(b, 0x00080018));
    const unkeyed = deidentifyBasic(sampleDataSet(), {}, NO_KEY);
    assert.notEqual(first(unkeyed, 0x0020000d), first(a, 0x0020000d));
    assert.equal(first(deidentifyBasic(sampleDataSet(), {}, KEY), 0x0020000d), first(a, 0x0020000d), 'same key, same run output');
  });

  it('makes a Referenced SOP Instance UID equal to the referenced file\'s new SOP Instance UID', () => {
    const referring = deidentifyBasic(sampleDataSet(), {}, KEY);
    const referenced = deidentifyBasic(referencedInstance(), {}, KEY);
    const [ref] = items(referring, 0x00081140);
    assert.equal(first(ref!, 0x00081155), first(referenced, 0x00080018));
  });

  it('shifts every date of a patient by the same days, and other patients usually by other days', () => {
    const options = { retainModifiedDates: true };
    const a = deidentifyBasic(sampleDataSet('PAT001', '20200315'), options, KEY);
    const b = deidentifyBasic(sampleDataSet('PAT001', '20200310'), options, KEY);
    const day = (s: string | undefined) => Date.UTC(+s!.slice(0, 4), +s!.slice(4, 6) - 1, +s!.slice(6, 8)) / 86_400_000;
    assert.equal(day(first(a, 0x00080020)) - day(first(b, 0x00080020)), 5, 'the interval between studies survives');
    assert.equal(day(first(a, 0x0008002a)), day(first(a, 0x00080020)), 'DA and DT of one file move together');
    const shifted = new Set<string>();
    for (let i = 0; i < 20; i++) shifted.add(first(deidentifyBasic(sampleDataSet(`PAT${i}`), options, KEY), 0x00080020)!);
    assert.ok(shifted.size >= 18, `${shifted.size} distinct shifted dates of 20 patients`);
  });
});
