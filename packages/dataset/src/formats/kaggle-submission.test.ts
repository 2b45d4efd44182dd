import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import type { Detection } from '../model/annotations.js';
import { readSubmission, writeSubmission } from './kaggle-submission.js';
import { throwsAt } from './test-helpers.test.js';

const read = (text: string) => readSubmission(text, schema, { file: 'submission.csv' });
const row = (s: string) => `image_id,PredictionString\nimg1,${s}\n`;
const failsAt = (s: string, reason: string, line = 2) => throwsAt(() => read(row(s)), 'submission.csv', line, 2, reason);

describe('Kaggle submission', () => {
  it('reads groups of six into detections, image by image', () => {
    const text = 'image_id,PredictionString\na,3 0.9 10 20 30 40 0 0.25 1.5 2 3 4\nb,14 1 0 0 1 1\n';
    assert.deepEqual(read(text), [
      { imageId: 'a', classId: 3, confidence: 0.9, box: { xMin: 10, yMin: 20, xMax: 30, yMax: 40 } },
      { imageId: 'a', classId: 0, confidence: 0.25, box: { xMin: 1.5, yMin: 2, xMax: 3, yMax: 4 } },
      { imageId: 'b', classId: 14, confidence: 1, box: { xMin: 0, yMin: 0, xMax: 1, yMax: 1 } },
    ]);
  });

  it('reads an empty PredictionString as no detections, and tolerates extra spaces', () => {
    assert.deepEqual(read('image_id,PredictionString\na,\nb,""\n'), []);
    assert.deepEqual(read(row('   5  0.5   1 2\t3   4  ')).map((d) => [d.classId, d.confidence, d.box.xMax]), [[5, 0.5, 3]]);
  });

  it('reports malformed groups with line, column and group number', () => {
    failsAt('3 0.9 10 20 30 40 3 0.9 10 20', 'PredictionString group 2: expected 6 values (class conf x_min y_min x_max y_max), found 4');
    failsAt('3 0.9 10 20 30 40 3 0.9 10 abc 30 40', 'PredictionString group 2: y_min "abc" is not a number');
    failsAt('15 0.9 10 20 30 40', 'PredictionString group 1: class id 15 is not in the vindr-cxr schema (0-14)');
    failsAt('2.5 0.9 10 20 30 40', 'PredictionString group 1: class id 2.5 is not in the vindr-cxr schema (0-14)');
    failsAt('-1 0.9 10 20 30 40', 'PredictionString group 1: class id -1 is not in the vindr-cxr schema (0-14)');
    failsAt('3 0.9 10 20 30 40 1 0.5 50 20 30 40', 'PredictionString group 2: x_max 30 is less than x_min 50');
    failsAt('3 0.9 10 50 30 40', 'PredictionString group 1: y_max 40 is less than y_min 50');
    throwsAt(() => read('image_id,PredictionString\na,\nb,14 1 0 0 1\n'), 'submission.csv', 3, 2, /group 1: expected 6 values/);
  });

  it('writes 14 1 0 0 1 1 for images without detections, and reads back', () => {
    const detections: Detection[] = [
      { imageId: 'b', classId: 3, confidence: 0.875, box: { xMin: 691, yMin: 1375, xMax: 1653.5, yMax: 1831 } },
      { imageId: 'b', classId: 0, confidence: 0.5, box: { xMin: 1, yMin: 2, xMax: 3, yMax: 4 } },
    ];
    const text = writeSubmission(detections, schema, { imageIds: ['a', 'b', 'c'] });
    assert.equal(text, 'image_id,PredictionString\na,14 1 0 0 1 1\nb,3 0.875 691 1375 1653.5 1831 0 0.5 1 2 3 4\nc,14 1 0 0 1 1\n');
    assert.deepEqual(read(text).filter((d) => d.imageId === 'b'), detections);
    assert.equal(writeSubmission(read(text), schema), text);
  });

  it('writes an empty PredictionString without the no-finding default, and lists unlisted images after', () => {
    const d: Detection = { imageId: 'z', classId: 1, confidence: 1, box: { xMin: 0, yMin: 0, xMax: 2, yMax: 2 } };
    assert.equal(writeSubmission([d], schema, { imageIds: ['a'], noFindingForEmpty: false }), 'image_id,PredictionString\na,\nz,1 1 0 0 2 2\n');
  });
});
