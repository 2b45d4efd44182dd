// checkRead on the project rules: requiresLabel, forbidsTogether, maxBoxes, boxLabelRequiresGlobal;
// and the rule id and message overrides.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as S } from '../schema/vindr-cxr.js';
import type { Rule } from './rule.js';
import type { ReadBox } from './read.js';
import { checkRead } from './check-read.js';

const IMAGE = { width: 2048, height: 2500 };
const box = (label: string): ReadBox => ({ label, xMin: 10, yMin: 10, xMax: 20, yMax: 20 });
const check = (rule: Rule, globals: string[], boxes: ReadBox[] = []) =>
  checkRead([rule], S, { globals, boxes }, IMAGE).map((v) => [v.ruleId, v.code, v.path, v.message]);

describe('requiresLabel', () => {
  const one: Rule = { kind: 'requiresLabel', label: 'Lung tumor', requires: ['Nodule/Mass'] };
  const two: Rule = { kind: 'requiresLabel', label: 'Lung tumor', requires: ['Nodule/Mass', 'Lung Opacity'] };
  it('passes when the label is absent, or a required one is present (boxed or chosen)', () => {
    assert.deepEqual(check(one, ['COPD']), []);
    assert.deepEqual(check(one, ['Lung tumor'], [box('Edema'), box('Nodule/Mass')]), []);
    assert.deepEqual(check(two, ['Lung tumor'], [box('Lung Opacity')]), []);
  });
  it('fails at the label when none is present', () => {
    assert.deepEqual(check(one, ['COPD', 'Lung tumor'], [box('Edema')]), [
      ['requiresLabel', 'LABEL_REQUIRES', 'globals[1]', 'Lung tumor requires Nodule/Mass, but it is not present.'],
    ]);
    assert.deepEqual(check(two, ['Lung tumor']).map((v) => v[3]), ['Lung tumor requires Nodule/Mass or Lung Opacity, but neither is present.']);
    const three: Rule = { kind: 'requiresLabel', label: 'Lung cavity', requires: ['Tuberculosis', 'Pneumonia', 'Lung tumor'] };
    assert.deepEqual(check(three, ['COPD'], [box('Edema'), box('Lung cavity')]), [
      ['requiresLabel', 'LABEL_REQUIRES', 'boxes[1]', 'Lung cavity requires Tuberculosis, Pneumonia or Lung tumor, but none is present.'],
    ]);
  });
});

describe('forbidsTogether', () => {
  const rule: Rule = { kind: 'forbidsTogether', labels: ['COPD', 'Pneumonia', 'Edema'] };
  it('passes with at most one present', () => {
    assert.deepEqual(check(rule, ['COPD', 'Tuberculosis'], [box('Nodule/Mass')]), []);
  });
  it('fails with two or more, at the second one, listed in rule order', () => {
    assert.deepEqual(check(rule, ['Pneumonia', 'COPD']), [
      ['forbidsTogether', 'LABELS_FORBIDDEN_TOGETHER', 'globals[0]', 'COPD and Pneumonia must not be used together.'],
    ]);
    assert.deepEqual(check(rule, ['COPD', 'Pneumonia'], [box('Edema')]), [
      ['forbidsTogether', 'LABELS_FORBIDDEN_TOGETHER', 'globals[1]', 'COPD, Pneumonia and Edema must not be used together.'],
    ]);
  });
});

describe('maxBoxes', () => {
  it('counts every box without a label', () => {
    const rule: Rule = { kind: 'maxBoxes', max: 2 };
    assert.deepEqual(check(rule, ['COPD'], [box('Edema'), box('Edema')]), []);
    assert.deepEqual(check(rule, ['COPD'], [box('Edema'), box('Edema'), box('Atelectasis'), box('Edema')]), [
      ['maxBoxes', 'TOO_MANY_BOXES', 'boxes[2]', 'There are 4 boxes; at most 2 are allowed.'],
    ]);
  });
  it('counts one label, at the first box over', () => {
    const rule: Rule = { kind: 'maxBoxes', max: 1, label: 'Cardiomegaly' };
    assert.deepEqual(check(rule, ['COPD'], [box('Cardiomegaly'), box('Edema')]), []);
    assert.deepEqual(check(rule, ['COPD'], [box('Cardiomegaly'), box('Edema'), box('Cardiomegaly')]), [
      ['maxBoxes', 'TOO_MANY_BOXES', 'boxes[2]', 'There are 2 Cardiomegaly boxes; at most 1 is allowed.'],
    ]);
    const none: Rule = { kind: 'maxBoxes', max: 0, label: 'Rib fracture' };
    assert.deepEqual(check(none, ['COPD'], [box('Edema'), box('Rib fracture')]).map((v) => v[3]), ['There is 1 Rib fracture box; none is allowed.']);
  });
});

describe('boxLabelRequiresGlobal', () => {
  const any: Rule = { kind: 'boxLabelRequiresGlobal', global: ['COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases'] };
  const mass: Rule = { kind: 'boxLabelRequiresGlobal', boxLabel: 'Nodule/Mass', global: ['Lung tumor'] };
  it('passes without matching boxes or with a wanted global', () => {
    assert.deepEqual(check(any, ['No finding']), []);
    assert.deepEqual(check(any, ['Other disease'], [box('Edema')]), []);
    assert.deepEqual(check(mass, ['COPD'], [box('Edema')]), []);
  });
  it('fails once, at the first matching box', () => {
    assert.deepEqual(check(any, ['No finding'], [box('Edema'), box('Atelectasis')]), [
      ['boxLabelRequiresGlobal', 'BOX_REQUIRES_GLOBAL', 'boxes[0]',
        'Box 1 (Edema) requires one of the global labels COPD, Lung tumor, Pneumonia, Tuberculosis or Other diseases, but none is chosen.'],
    ]);
    assert.deepEqual(check(mass, ['COPD'], [box('Edema'), box('Nodule/Mass')]), [
      ['boxLabelRequiresGlobal', 'BOX_REQUIRES_GLOBAL', 'boxes[1]', 'Box 2 (Nodule/Mass) requires the global label Lung tumor, which is not chosen.'],
    ]);
  });
});

describe('rule id and message', () => {
  it('replace the kind and the generated sentence', () => {
    const rule: Rule = { kind: 'maxBoxes', max: 0, id: 'no-boxes', message: 'This project labels images without boxes.' };
    assert.deepEqual(checkRead([rule], S, { globals: ['COPD'], boxes: [box('Edema')] }, IMAGE), [
      { ruleId: 'no-boxes', code: 'TOO_MANY_BOXES', message: 'This project labels images without boxes.', path: 'boxes[0]' },
    ]);
  });
  it('an unknown kind throws', () => {
    assert.throws(() => checkRead([{ kind: 'nope' } as unknown as Rule], S, { globals: [], boxes: [] }, IMAGE), /unknown rule kind "nope"/);
  });
});
