import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import type { Annotation, ImageSizes } from '../model/annotations.js';
import { fromYolo, toYolo, yoloClassesTxt, yoloNamesYaml } from './yolo.js';
import { throwsAt } from './test-helpers.test.js';

const sizes: ImageSizes = new Map([['a', { width: 2000, height: 1000 }], ['b', { width: 2048, height: 2500 }], ['c', { width: 10, height: 10 }]]);

describe('YOLO', () => {
  it('normalises centre and size by the image size, 6 decimals (hand-computed)', () => {
    const { files } = toYolo([
      { imageId: 'a', className: 'Cardiomegaly', box: { xMin: 100, yMin: 200, xMax: 500, yMax: 600 } },
      { imageId: 'b', className: 'Nodule/Mass', box: { xMin: 691, yMin: 1375, xMax: 1653, yMax: 1831 } },
    ], sizes, schema);
    // a: cx 300/2000, cy 400/1000, w 400/2000, h 400/1000. b: cx 1172/2048 = 0.572265625, cy 1603/2500, w 962/2048 = 0.4697265625, h 456/2500.
    assert.equal(files.get('a'), '3 0.150000 0.400000 0.200000 0.400000\n');
    assert.equal(files.get('b'), '8 0.572266 0.641200 0.469727 0.182400\n');
  });

  it('gives images without boxes an empty file, and skips and counts labels without a class id', () => {
    const { files, skipped } = toYolo([
      { imageId: 'c', radId: 'R1', className: 'No finding' },
      { imageId: 'a', className: 'Emphysema', box: { xMin: 1, yMin: 1, xMax: 2, yMax: 2 } },
      { imageId: 'a', className: 'Emphysema', box: { xMin: 1, yMin: 1, xMax: 3, yMax: 3 } },
      { imageId: 'a', className: 'Rib fracture', box: { xMin: 1, yMin: 1, xMax: 3, yMax: 3 } },
    ], sizes, schema);
    assert.deepEqual([...files], [['c', ''], ['a', '']]);
    assert.deepEqual(skipped, { Emphysema: 2, 'Rib fracture': 1 });
  });

  it('reads back the boxes, rounded to 2 decimals', () => {
    const boxes: Annotation[] = [
      { imageId: 'b', className: 'Nodule/Mass', box: { xMin: 691, yMin: 1375, xMax: 1653, yMax: 1831 } },
      { imageId: 'b', className: 'Aortic enlargement', box: { xMin: 0, yMin: 12.5, xMax: 2048, yMax: 1399.75 } },
    ];
    const { files } = toYolo(boxes, sizes, schema);
    assert.deepEqual(fromYolo('b', files.get('b') ?? '', sizes, schema), boxes);
  });

  it('reports malformed lines with line and field', () => {
    throwsAt(() => fromYolo('c', '0 0.5 0.5 0.1 0.1\n\n3 0.5 0.5 0.1\n', sizes, schema), 'c.txt', 3, undefined, 'expected 5 values (class cx cy w h), found 4');
    throwsAt(() => fromYolo('c', '0 0.5 x 0.1 0.1\n', sizes, schema, { file: 'labels/c.txt' }), 'labels/c.txt', 1, 3, '"x" is not a number');
    throwsAt(() => fromYolo('c', '15 0.5 0.5 0.1 0.1\n', sizes, schema), 'c.txt', 1, 1, 'class id 15 is not in the vindr-cxr schema');
    throwsAt(() => fromYolo('c', '1 0.5 0.5 0.1 -0.1\n', sizes, schema), 'c.txt', 1, 5, 'negative box size');
    assert.throws(() => fromYolo('zz', '', sizes, schema), /no size for image zz/);
  });

  it('writes classes.txt and the data.yaml names in class id order', () => {
    const lines = yoloClassesTxt(schema).split('\n');
    assert.deepEqual([lines[0], lines[14], lines.length], ['Aortic enlargement', 'No finding', 16]);
    assert.match(yoloNamesYaml(schema), /^names:\n {2}0: "Aortic enlargement"\n[^]* {2}8: "Nodule\/Mass"\n[^]* {2}14: "No finding"\n$/);
  });
});
