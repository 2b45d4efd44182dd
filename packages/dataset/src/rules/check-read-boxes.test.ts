// checkRead on the box rules (boxLabelIsLocal, boxInsideImage, boxPositiveArea) and on the input
// checks that always run (finite coordinates, a valid image size).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as S } from '../schema/vindr-cxr.js';
import type { Rule } from './rule.js';
import type { ImageSize, ReadBox } from './read.js';
import { checkRead } from './check-read.js';

const IMAGE = { width: 2048, height: 2500 };
const box = (label: ReadBox['label'], xMin = 10, yMin = 10, xMax = 20, yMax = 20): ReadBox => ({ label, xMin, yMin, xMax, yMax });
const check = (rules: Rule[], boxes: ReadBox[], image: ImageSize = IMAGE) =>
  checkRead(rules, S, { globals: ['COPD'], boxes }, image).map((v) => [v.ruleId, v.code, v.path, v.message]);

describe('boxLabelIsLocal', () => {
  const rule: Rule[] = [{ kind: 'boxLabelIsLocal' }];
  it('passes a local label, by name, alias or one-element array', () => {
    assert.deepEqual(check(rule, [box('Nodule/Mass'), box('Interstitial lung disease'), box(['Edema'])]), []);
  });
  it('fails a missing, empty or empty-array label', () => {
    const missing = { xMin: 1, yMin: 1, xMax: 2, yMax: 2 } as unknown as ReadBox;
    assert.deepEqual(check(rule, [missing, box(''), box([]), box([''])]), [
      ['boxLabelIsLocal', 'BOX_LABEL_MISSING', 'boxes[0].label', 'Box 1 has no label.'],
      ['boxLabelIsLocal', 'BOX_LABEL_MISSING', 'boxes[1].label', 'Box 2 has no label.'],
      ['boxLabelIsLocal', 'BOX_LABEL_MISSING', 'boxes[2].label', 'Box 3 has no label.'],
      ['boxLabelIsLocal', 'BOX_LABEL_MISSING', 'boxes[3].label', 'Box 4 has no label.'],
    ]);
  });
  it('fails a box with several labels', () => {
    assert.deepEqual(check(rule, [box('Edema'), box(['Nodule/Mass', 'Calcification'])]), [
      ['boxLabelIsLocal', 'BOX_LABEL_NOT_SINGLE', 'boxes[1].label', 'Box 2 has 2 labels (Nodule/Mass, Calcification); a box has exactly one.'],
    ]);
  });
  it('fails an unknown label', () => {
    assert.deepEqual(check(rule, [box('Nodle')]), [
      ['boxLabelIsLocal', 'BOX_LABEL_UNKNOWN', 'boxes[0].label', 'Box 1 has the label "Nodle", which is not a label of the vindr-cxr schema.'],
    ]);
  });
  it('fails a global label', () => {
    assert.deepEqual(check(rule, [box('No finding')]), [
      ['boxLabelIsLocal', 'BOX_LABEL_NOT_LOCAL', 'boxes[0].label', 'Box 1 (No finding) has a global label; boxes take local labels only.'],
    ]);
  });
});

describe('boxInsideImage', () => {
  const rule: Rule[] = [{ kind: 'boxInsideImage' }];
  it('passes a box touching every edge (x_max == width, y_max == height)', () => {
    assert.deepEqual(check(rule, [box('Cardiomegaly', 0, 0, 2048, 2500)]), []);
  });
  it('fails each coordinate outside, in coordinate order', () => {
    assert.deepEqual(check(rule, [box('Edema'), box('Nodule/Mass', -1, 5, 2051, 2501)]), [
      ['boxInsideImage', 'BOX_OUTSIDE_IMAGE', 'boxes[1].xMin', 'Box 2 (Nodule/Mass) extends outside the 2048x2500 image (x_min -1).'],
      ['boxInsideImage', 'BOX_OUTSIDE_IMAGE', 'boxes[1].xMax', 'Box 2 (Nodule/Mass) extends outside the 2048x2500 image (x_max 2051).'],
      ['boxInsideImage', 'BOX_OUTSIDE_IMAGE', 'boxes[1].yMax', 'Box 2 (Nodule/Mass) extends outside the 2048x2500 image (y_max 2501).'],
    ]);
  });
  it('fails a box wholly past the edge', () => {
    assert.deepEqual(check(rule, [box('Edema', 2049, 0, 2060, 10)]).map((v) => v[2]), ['boxes[0].xMin', 'boxes[0].xMax']);
  });
  it('allows the tolerance and no more', () => {
    const loose: Rule[] = [{ kind: 'boxInsideImage', tolerance: 2 }];
    assert.deepEqual(check(loose, [box('Edema', -2, 0, 2050, 2502)]), []);
    assert.deepEqual(check(loose, [box('Edema', -2.5, 0, 2050, 2500)]).map((v) => v[3]), ['Box 1 (Edema) extends outside the 2048x2500 image (x_min -2.5).']);
  });
});

describe('boxPositiveArea', () => {
  const rule: Rule[] = [{ kind: 'boxPositiveArea' }];
  it('passes a one-pixel box', () => assert.deepEqual(check(rule, [box('Edema', 5, 5, 6, 6)]), []));
  it('fails zero width and zero height', () => {
    assert.deepEqual(check(rule, [box('Nodule/Mass', 10, 10, 10, 30), box('Edema', 1, 7, 9, 7)]), [
      ['boxPositiveArea', 'BOX_EMPTY', 'boxes[0]', 'Box 1 (Nodule/Mass) has zero width (x_min 10, x_max 10).'],
      ['boxPositiveArea', 'BOX_EMPTY', 'boxes[1]', 'Box 2 (Edema) has zero height (y_min 7, y_max 7).'],
    ]);
  });
  it('fails an inverted box', () => {
    assert.deepEqual(check(rule, [box('Edema', 12, 30, 10, 20)]), [
      ['boxPositiveArea', 'BOX_INVERTED', 'boxes[0]', 'Box 1 (Edema) has negative width (x_min 12, x_max 10).'],
      ['boxPositiveArea', 'BOX_INVERTED', 'boxes[0]', 'Box 1 (Edema) has negative height (y_min 30, y_max 20).'],
    ]);
  });
  it('fails a side under minSide', () => {
    const min: Rule[] = [{ kind: 'boxPositiveArea', minSide: 5 }];
    assert.deepEqual(check(min, [box('Edema', 0, 0, 5, 5)]), []);
    assert.deepEqual(check(min, [box('Edema', 0, 0, 3, 1)]), [
      ['boxPositiveArea', 'BOX_TOO_SMALL', 'boxes[0]', 'Box 1 (Edema) is 3 pixels wide, less than the minimum of 5.'],
      ['boxPositiveArea', 'BOX_TOO_SMALL', 'boxes[0]', 'Box 1 (Edema) is 1 pixel high, less than the minimum of 5.'],
    ]);
  });
});

describe('input checks', () => {
  const rules: Rule[] = [{ kind: 'boxInsideImage' }, { kind: 'boxPositiveArea' }];
  it('report non-finite coordinates first, and the box rules skip that box', () => {
    const bad = { label: 'Edema', xMin: Number.NaN, yMin: 0, xMax: Number.POSITIVE_INFINITY, yMax: undefined } as unknown as ReadBox;
    assert.deepEqual(check(rules, [box('Edema', 0, 0, 0, 10), bad]), [
      ['read', 'BOX_COORDINATE_NOT_FINITE', 'boxes[1].xMin', 'Box 2 (Edema) has x_min NaN, not a finite number.'],
      ['read', 'BOX_COORDINATE_NOT_FINITE', 'boxes[1].xMax', 'Box 2 (Edema) has x_max Infinity, not a finite number.'],
      ['read', 'BOX_COORDINATE_NOT_FINITE', 'boxes[1].yMax', 'Box 2 (Edema) has y_max missing, not a finite number.'],
      ['boxPositiveArea', 'BOX_EMPTY', 'boxes[0]', 'Box 1 (Edema) has zero width (x_min 0, x_max 0).'],
    ]);
  });
  it('run even with no rules', () => {
    const bad = box('Edema', 0, 0, 10, -Infinity);
    assert.deepEqual(check([], [bad]).map((v) => v[1]), ['BOX_COORDINATE_NOT_FINITE']);
  });
  it('report an invalid image size, and boxInsideImage then checks nothing', () => {
    assert.deepEqual(check(rules, [box('Edema', 0, 0, 5000, 10)], { width: Number.NaN, height: 0 }), [
      ['read', 'IMAGE_SIZE_INVALID', 'image.width', 'The image width (NaN) is not a positive finite number of pixels.'],
      ['read', 'IMAGE_SIZE_INVALID', 'image.height', 'The image height (0) is not a positive finite number of pixels.'],
    ]);
  });
});
