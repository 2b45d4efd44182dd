// The VinDr-CXR rule set on realistic reads of a 2048x2500 image.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as S } from '../schema/vindr-cxr.js';
import type { ReadBox } from './read.js';
import { defaultRules } from './default-rules.js';
import { checkRead } from './check-read.js';
import { parseRuleSet } from './validate-rules.js';

const IMAGE = { width: 2048, height: 2500 };
const RULES = defaultRules(S);
const box = (label: string, xMin: number, yMin: number, xMax: number, yMax: number): ReadBox => ({ label, xMin, yMin, xMax, yMax });
const check = (globals: string[], boxes: ReadBox[] = []) =>
  checkRead(RULES, S, { globals, boxes }, IMAGE).map((v) => [v.ruleId, v.code, v.path, v.message]);

describe('defaultRules', () => {
  it('lists the VinDr checks in a stable order, as valid JSON data', () => {
    assert.deepEqual(RULES.map((r) => r.kind), [
      'requireGlobalLabel', 'globalLabelIsGlobal', 'exclusiveLabel', 'boxLabelIsLocal', 'boxInsideImage', 'boxPositiveArea',
    ]);
    assert.deepEqual(RULES[2], { kind: 'exclusiveLabel', label: 'No finding', excludesGlobals: true, excludesBoxes: true });
    assert.deepEqual(parseRuleSet(JSON.parse(JSON.stringify(RULES)), S), RULES);
  });
  it('leaves out exclusiveLabel for a schema without noFinding', () => {
    const { noFinding: _dropped, ...bare } = S;
    assert.ok(!defaultRules(bare).some((r) => r.kind === 'exclusiveLabel'));
  });
  it('passes No finding alone', () => assert.deepEqual(check(['No finding']), []));
  it('passes an abnormal read with boxes, one touching the right and bottom edges', () => {
    assert.deepEqual(check(['Lung tumor', 'Other diseases'], [
      box('Nodule/Mass', 1201.5, 803, 1350, 951.25),
      box('Aortic enlargement', 1100, 700, 1300, 900),
      box('Pleural effusion', 1800, 2100, 2048, 2500),
    ]), []);
  });
  it('fails No finding with Lung tumor', () => {
    assert.deepEqual(check(['No finding', 'Lung tumor']), [
      ['exclusiveLabel', 'NO_FINDING_WITH_LABELS', 'globals[1]', 'Lung tumor is chosen with No finding, which excludes every other global label.'],
    ]);
  });
  it('fails No finding with a box', () => {
    assert.deepEqual(check(['No finding'], [box('Nodule/Mass', 100, 100, 140, 150)]), [
      ['exclusiveLabel', 'NO_FINDING_WITH_BOXES', 'boxes[0]', 'Box 1 (Nodule/Mass) is drawn, but No finding excludes every box.'],
    ]);
  });
  it('fails a read without a global label', () => assert.deepEqual(check([]).map((v) => v[1]), ['NO_GLOBAL_LABEL']));
  it('fails a box outside by one pixel', () => {
    assert.deepEqual(check(['Lung tumor'], [box('Edema', 5, 5, 50, 50), box('Edema', 6, 6, 60, 60), box('Nodule/Mass', 2000, 100, 2049, 150)]), [
      ['boxInsideImage', 'BOX_OUTSIDE_IMAGE', 'boxes[2].xMax', 'Box 3 (Nodule/Mass) extends outside the 2048x2500 image (x_max 2049).'],
    ]);
  });
  it('fails a zero-width box', () => {
    assert.deepEqual(check(['COPD'], [box('Emphysema', 300, 200, 300, 400)]), [
      ['boxPositiveArea', 'BOX_EMPTY', 'boxes[0]', 'Box 1 (Emphysema) has zero width (x_min 300, x_max 300).'],
    ]);
  });
  it('fails unknown labels, global and local', () => {
    assert.deepEqual(check(['Lung cancer'], [box('Mass', 10, 10, 20, 20)]), [
      ['globalLabelIsGlobal', 'UNKNOWN_GLOBAL_LABEL', 'globals[0]', '"Lung cancer" is not a label of the vindr-cxr schema.'],
      ['boxLabelIsLocal', 'BOX_LABEL_UNKNOWN', 'boxes[0].label', 'Box 1 has the label "Mass", which is not a label of the vindr-cxr schema.'],
    ]);
  });
  it('orders violations by rule, then by box', () => {
    const read = { globals: ['No finding', 'COPD'], boxes: [box('Edema', 0, 0, 0, 9999), box('COPD', -5, 0, 10, 10)] };
    assert.deepEqual(checkRead(RULES, S, read, IMAGE).map((v) => `${v.code} ${v.path}`), [
      'NO_FINDING_WITH_LABELS globals[1]',
      'NO_FINDING_WITH_BOXES boxes[0]',
      'NO_FINDING_WITH_BOXES boxes[1]',
      'BOX_LABEL_NOT_LOCAL boxes[1].label',
      'BOX_OUTSIDE_IMAGE boxes[0].yMax',
      'BOX_OUTSIDE_IMAGE boxes[1].xMin',
      'BOX_EMPTY boxes[0]',
    ]);
  });
});
