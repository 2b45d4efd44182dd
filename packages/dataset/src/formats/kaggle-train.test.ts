import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import type { Annotation } from '../model/annotations.js';
import { readKaggleTrain, writeKaggleTrain } from './kaggle-train.js';
import { throwsAt } from './test-helpers.test.js';

// Kaggle's layout, made-up ids and boxes: No finding is class 14 with empty coordinates.
const TRAIN = [
  'image_id,class_name,class_id,rad_id,x_min,y_min,x_max,y_max',
  '0a1b2c,No finding,14,R11,,,,',
  '3d4e5f,Cardiomegaly,3,R10,691.0,1375.0,1653.0,1831.0',
  '3d4e5f,Aortic enlargement,0,R8,1264.5,743.0,1391.0,870.25',
  '',
].join('\n');
const read = (text: string) => readKaggleTrain(text, schema, { file: 'train.csv' });

describe('Kaggle train.csv', () => {
  it('reads rows with their class ids checked', () => {
    assert.deepEqual(read(TRAIN).slice(0, 2), [
      { imageId: '0a1b2c', radId: 'R11', className: 'No finding' },
      { imageId: '3d4e5f', radId: 'R10', className: 'Cardiomegaly', box: { xMin: 691, yMin: 1375, xMax: 1653, yMax: 1831 } },
    ]);
  });

  it('reads back to the same bytes', () => {
    assert.equal(writeKaggleTrain(read(TRAIN), schema), TRAIN);
  });

  it('writes records that read back the same', () => {
    const records: Annotation[] = [
      { imageId: 'a', radId: 'R1', className: 'Pulmonary fibrosis', box: { xMin: 1, yMin: 2, xMax: 3.5, yMax: 4 } },
      { imageId: 'b', radId: 'R2', className: 'No finding' },
    ];
    assert.deepEqual(read(writeKaggleTrain(records, schema)), records);
  });

  it('reports a class_id that does not match class_name, and a label without a class id', () => {
    throwsAt(() => read(TRAIN + 'z,Cardiomegaly,4,R1,1,2,3,4\n'), 'train.csv', 5, 3, 'class_id 4 does not match class_name "Cardiomegaly" (class id 3)');
    throwsAt(() => read(TRAIN + 'z,Cardiomegaly,three,R1,1,2,3,4\n'), 'train.csv', 5, 3, 'class_id: "three" is not a number');
    throwsAt(() => read(TRAIN + 'z,Emphysema,14,R1,1,2,3,4\n'), 'train.csv', 5, 2, 'class_name "Emphysema" has no class id in the vindr-cxr schema');
    throwsAt(() => read(TRAIN + 'z,Mass,8,R1,1,2,3,4\n'), 'train.csv', 5, 2, 'class_name: "Mass" is not a label of the vindr-cxr schema');
  });

  it('refuses to write a label without a class id', () => {
    assert.throws(() => writeKaggleTrain([{ imageId: 'a', className: 'Emphysema' }], schema), /Emphysema.*no class id/);
  });
});
