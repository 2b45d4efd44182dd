import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import type { Annotation, ImageSizes } from '../model/annotations.js';
import { cocoCategories, cocoImageSizes, fromCoco, toCoco } from './coco.js';

const sizes: ImageSizes = new Map([['img1', { width: 2048, height: 2500 }], ['img2', { width: 3000, height: 3000 }]]);
const annotations: Annotation[] = [
  { imageId: 'img1', radId: 'R10', className: 'Cardiomegaly', box: { xMin: 691, yMin: 1375, xMax: 1653, yMax: 1831 } },
  { imageId: 'img2', radId: 'R9', className: 'No finding' },
  { imageId: 'img1', className: 'Emphysema', box: { xMin: 10.5, yMin: 20.25, xMax: 30.5, yMax: 40.75 }, score: 2 },
];

describe('COCO', () => {
  it('converts corners to [x, y, w, h] with area (hand-computed)', () => {
    const coco = toCoco(annotations, sizes, schema);
    assert.deepEqual(coco.annotations[0], { id: 1, image_id: 1, category_id: 3, bbox: [691, 1375, 962, 456], area: 438672, iscrowd: 0, rad_id: 'R10' });
    assert.deepEqual(coco.annotations[1], { id: 2, image_id: 1, category_id: 17, bbox: [10.5, 20.25, 20, 20.5], area: 410, iscrowd: 0, score: 2 });
  });

  it('lists every image, No finding ones too, and only boxes as annotations', () => {
    const coco = toCoco(annotations, sizes, schema, { fileName: (id) => `${id}.jpg` });
    assert.deepEqual(coco.images, [{ id: 1, file_name: 'img1.jpg', width: 2048, height: 2500 }, { id: 2, file_name: 'img2.jpg', width: 3000, height: 3000 }]);
    assert.equal(coco.annotations.length, 2);
  });

  it('gives the local labels categories: class ids where the schema has them, then appended ids', () => {
    const categories = cocoCategories(schema);
    assert.equal(categories.length, 22);
    assert.deepEqual(categories.slice(0, 4).map((c) => [c.id, c.name]), [[0, 'Aortic enlargement'], [1, 'Atelectasis'], [2, 'Calcification'], [3, 'Cardiomegaly']]);
    assert.deepEqual(categories.slice(13).map((c) => [c.id, c.name]), [
      [13, 'Pulmonary fibrosis'], [15, 'Clavicle fracture'], [16, 'Edema'], [17, 'Emphysema'], [18, 'Enlarged PA'],
      [19, 'Lung cavity'], [20, 'Lung cyst'], [21, 'Mediastinal shift'], [22, 'Rib fracture'],
    ]);
    assert.ok(!categories.some((c) => c.name === 'No finding'));
  });

  it('reads back the boxes (corners from bbox) and the sizes; JSON round trip too', () => {
    const coco = JSON.parse(JSON.stringify(toCoco(annotations, sizes, schema)));
    assert.deepEqual(fromCoco(coco, schema), annotations.filter((a) => a.box !== undefined));
    assert.deepEqual(cocoImageSizes(coco), sizes);
  });

  it('refuses an image without size, or a box on a label that is not local', () => {
    assert.throws(() => toCoco([{ imageId: 'nope', className: 'No finding' }], sizes, schema), /no size for image nope/);
    assert.throws(() => toCoco([{ imageId: 'img1', className: 'COPD', box: { xMin: 0, yMin: 0, xMax: 1, yMax: 1 } }], sizes, schema), /COPD.*not a local label/);
  });

  it('reports unknown ids and names when reading', () => {
    const coco = toCoco(annotations, sizes, schema);
    assert.throws(() => fromCoco({ ...coco, annotations: [{ ...coco.annotations[0]!, category_id: 99 }] }, schema), /annotations\[0\]: no category with id 99/);
    assert.throws(() => fromCoco({ ...coco, annotations: [{ ...coco.annotations[0]!, image_id: 7 }] }, schema), /annotations\[0\]: no image with id 7/);
    assert.throws(() => fromCoco({ ...coco, categories: [{ id: 1, name: 'Mass' }] }, schema), /"Mass" is not a label/);
    assert.throws(() => fromCoco({ ...coco, annotations: [{ ...coco.annotations[0]!, bbox: [0, 0, -1, 2] }] }, schema), /negative size/);
  });
});
