import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import type { Annotation } from '../model/annotations.js';
import { readPhysionetAnnotations, writePhysionetAnnotations } from './physionet-annotations.js';
import { throwsAt } from './test-helpers.test.js';

// Published layout, made-up image ids and boxes: pandas writes the float coordinates (691.0).
const TRAIN = [
  'image_id,rad_id,class_name,x_min,y_min,x_max,y_max',
  '0a1b2c,R11,No finding,,,,',
  '0a1b2c,R9,No finding,,,,',
  '3d4e5f,R10,Cardiomegaly,691.0,1375.0,1653.0,1831.0',
  '3d4e5f,R8,Nodule/Mass,1264.31,743.12,1391.59,870.4',
  '3d4e5f,R8,Other lesion,0.0,12.5,1.0,13.25',
  '',
].join('\n');
const TEST = ['image_id,class_name,x_min,y_min,x_max,y_max', '6a7b8c,Pleural effusion,1800.0,1500.0,2100.0,2000.0', '9d0e1f,No finding,,,,', ''].join('\n');
const read = (text: string) => readPhysionetAnnotations(text, schema, { file: 'annotations_train.csv' });

describe('PhysioNet annotations', () => {
  it('reads train rows: readers, class names, boxes; No finding has no box', () => {
    const rows = read(TRAIN);
    assert.equal(rows.length, 5);
    assert.deepEqual(rows[0], { imageId: '0a1b2c', radId: 'R11', className: 'No finding' });
    assert.deepEqual(rows[2], { imageId: '3d4e5f', radId: 'R10', className: 'Cardiomegaly', box: { xMin: 691, yMin: 1375, xMax: 1653, yMax: 1831 } });
    assert.deepEqual(rows[3]?.box, { xMin: 1264.31, yMin: 743.12, xMax: 1391.59, yMax: 870.4 });
  });

  it('reads the test file without rad_id', () => {
    const rows = read(TEST);
    assert.deepEqual(rows.map((r) => [r.imageId, r.radId, r.className]), [['6a7b8c', undefined, 'Pleural effusion'], ['9d0e1f', undefined, 'No finding']]);
  });

  it('reads back to the same bytes, train and test', () => {
    assert.equal(writePhysionetAnnotations(read(TRAIN), { split: 'train' }), TRAIN);
    assert.equal(writePhysionetAnnotations(read(TEST), { split: 'test' }), TEST);
  });

  it('writes records that read back the same', () => {
    const records: Annotation[] = [
      { imageId: 'a', radId: 'R1', className: 'Aortic enlargement', box: { xMin: 1, yMin: 2.5, xMax: 3, yMax: 4.125 } },
      { imageId: 'b', radId: 'R2', className: 'No finding' },
      { imageId: 'c,with comma', radId: 'R3', className: 'Rib fracture', box: { xMin: 0, yMin: 0, xMax: 0, yMax: 0 } },
    ];
    assert.deepEqual(read(writePhysionetAnnotations(records, { split: 'train' })), records);
  });

  it('maps columns by header name, resolves aliases, tolerates CRLF and a BOM', () => {
    const text = '\uFEFFclass_name,y_max,x_max,y_min,x_min,image_id,rad_id\r\nOther disease,40,30,20,10,q,R1\r\n';
    assert.deepEqual(read(text), [{ imageId: 'q', radId: 'R1', className: 'Other diseases', box: { xMin: 10, yMin: 20, xMax: 30, yMax: 40 } }]);
  });

  it('reports an unknown class name at its line and column', () => {
    throwsAt(() => read(TRAIN + 'z,R1,Nodule,1,2,3,4\n'), 'annotations_train.csv', 7, 3, 'class_name: "Nodule" is not a label of the vindr-cxr schema');
  });

  it('reports bad coordinates at their column', () => {
    const file = 'annotations_train.csv';
    throwsAt(() => read(TRAIN + 'z,R1,Atelectasis,1,2,abc,4\n'), file, 7, 6, 'x_max: "abc" is not a number');
    throwsAt(() => read(TRAIN + 'z,R1,Atelectasis,10,2,3,4\n'), file, 7, 6, 'x_max 3 is less than x_min 10');
    throwsAt(() => read(TRAIN + 'z,R1,Atelectasis,1,20,3,4\n'), file, 7, 7, 'y_max 4 is less than y_min 20');
    throwsAt(() => read(TRAIN + 'z,R1,Atelectasis,1,,3,4\n'), file, 7, 5, 'y_min is empty while other coordinates are set');
  });

  it('reports an empty image_id or rad_id, a wrong field count and a missing column', () => {
    const file = 'annotations_train.csv';
    throwsAt(() => read(TRAIN + ',R1,No finding,,,,\n'), file, 7, 1, 'image_id is empty');
    throwsAt(() => read(TRAIN + 'z,,No finding,,,,\n'), file, 7, 2, 'rad_id is empty');
    throwsAt(() => read(TRAIN + 'z,R1,No finding,,,\n'), file, 7, 7, 'expected 7 fields, found 6');
    throwsAt(() => read('image_id,rad_id,class_name,x_min,y_min,x_max\n'), file, 1, undefined, 'missing column "y_max"');
  });
});
