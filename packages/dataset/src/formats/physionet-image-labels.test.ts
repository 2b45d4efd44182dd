import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import type { ImageLabels } from '../model/annotations.js';
import { readPhysionetImageLabels, writePhysionetImageLabels } from './physionet-image-labels.js';
import { throwsAt } from './test-helpers.test.js';

const NAMES = schema.labels.map((l) => l.name);
const TEST_NAMES = NAMES.map((n) => (n === 'Other diseases' ? 'Other disease' : n));
const bits = (ones: string[], names = NAMES) => names.map((n) => (ones.includes(n) ? '1' : '0')).join(',');
const TRAIN = [`image_id,rad_id,${NAMES.join(',')}`, `0a1b,R11,${bits(['No finding'])}`, `2c3d,R9,${bits(['Cardiomegaly', 'Aortic enlargement', 'Other diseases'])}`, ''].join('\n');
const TEST = [`image_id,${TEST_NAMES.join(',')}`, `4e5f,${bits(['Other disease', 'Lung tumor'], TEST_NAMES)}`, ''].join('\n');
const read = (text: string) => readPhysionetImageLabels(text, schema, { file: 'image_labels.csv' });

describe('PhysioNet image labels', () => {
  it('reads one row per reader, every label 0/1', () => {
    const { records, labelColumns } = read(TRAIN);
    assert.equal(records.length, 2);
    assert.deepEqual([records[1]?.imageId, records[1]?.radId], ['2c3d', 'R9']);
    assert.deepEqual(Object.keys(records[1]?.labels ?? {}), NAMES);
    assert.deepEqual(Object.entries(records[1]?.labels ?? {}).filter(([, v]) => v === 1).map(([k]) => k), ['Aortic enlargement', 'Cardiomegaly', 'Other diseases']);
    assert.deepEqual(labelColumns, NAMES);
  });

  it('reads the test file\'s "Other disease" as the schema\'s "Other diseases", and keeps the spelling for writing', () => {
    const { records, labelColumns } = read(TEST);
    assert.equal(records[0]?.radId, undefined);
    assert.equal(records[0]?.labels['Other diseases'], 1);
    assert.equal(labelColumns[26], 'Other disease');
    assert.equal(writePhysionetImageLabels(records, schema, { split: 'test', labelColumns }), TEST);
  });

  it('reads back to the same bytes (train)', () => {
    const { records, labelColumns } = read(TRAIN);
    assert.equal(writePhysionetImageLabels(records, schema, { split: 'train', labelColumns }), TRAIN);
    assert.equal(writePhysionetImageLabels(records, schema, { split: 'train' }), TRAIN);
  });

  it('writes records that read back the same; a label a record lacks is 0', () => {
    const records: ImageLabels[] = [{ imageId: 'x', radId: 'R2', labels: { ILD: 1 } }];
    const back = read(writePhysionetImageLabels(records, schema, { split: 'train' })).records;
    assert.deepEqual(back, [{ imageId: 'x', radId: 'R2', labels: Object.fromEntries(NAMES.map((n) => [n, n === 'ILD' ? 1 : 0])) }]);
  });

  it('reads empty cells as 0 and columns in another order', () => {
    const names = [...NAMES].reverse();
    const text = `${names.join(',')},rad_id,image_id\n${names.map((n) => (n === 'Pneumonia' ? '1' : '')).join(',')},R3,q\n`;
    const [row] = read(text).records;
    assert.deepEqual([row?.imageId, row?.radId, row?.labels.Pneumonia, row?.labels['No finding']], ['q', 'R3', 1, 0]);
  });

  it('reports a cell that is not 0, 1 or empty, an unknown or missing label column', () => {
    const cells = NAMES.map((n) => (n === 'COPD' ? '2' : '0')).join(',');
    throwsAt(() => read(`image_id,rad_id,${NAMES.join(',')}\nq,R1,${cells}\n`), 'image_labels.csv', 2, 25, 'COPD: "2" is not 0, 1 or empty');
    throwsAt(() => read(`image_id,${NAMES.join(',')},Lung nodule\n`), 'image_labels.csv', 1, 30, 'unexpected column "Lung nodule"');
    throwsAt(() => read(`image_id,${NAMES.slice(1).join(',')}\n`), 'image_labels.csv', 1, undefined, 'missing column "Aortic enlargement"');
  });
});
