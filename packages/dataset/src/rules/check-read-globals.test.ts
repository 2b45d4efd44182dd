// checkRead on the global-label rules: requireGlobalLabel, globalLabelIsGlobal, exclusiveLabel.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as S } from '../schema/vindr-cxr.js';
import type { LabelSchema } from '../schema/label-schema.js';
import type { Rule } from './rule.js';
import type { ReadBox } from './read.js';
import { checkRead } from './check-read.js';

const IMAGE = { width: 2048, height: 2500 };
const box = (label: string, xMin = 10, yMin = 10, xMax = 20, yMax = 20): ReadBox => ({ label, xMin, yMin, xMax, yMax });
const check = (rule: Rule, globals: string[], boxes: ReadBox[] = [], schema: LabelSchema = S) =>
  checkRead([rule], schema, { globals, boxes }, IMAGE).map((v) => [v.ruleId, v.code, v.path, v.message]);

describe('requireGlobalLabel', () => {
  const rule: Rule = { kind: 'requireGlobalLabel' };
  it('passes with one global label', () => assert.deepEqual(check(rule, ['COPD']), []));
  it('fails with none, even when boxes are drawn', () => {
    assert.deepEqual(check(rule, [], [box('Cardiomegaly')]), [
      ['requireGlobalLabel', 'NO_GLOBAL_LABEL', 'globals', 'No global label is chosen; at least one is required.'],
    ]);
  });
  it('does not count empty entries', () => {
    assert.deepEqual(check(rule, ['', '  ']).map((v) => v[1]), ['NO_GLOBAL_LABEL']);
  });
  it('counts distinct labels against min, aliases resolved', () => {
    const two: Rule = { kind: 'requireGlobalLabel', min: 2 };
    assert.deepEqual(check(two, ['Other diseases', 'Other disease']), [
      ['requireGlobalLabel', 'TOO_FEW_GLOBAL_LABELS', 'globals', 'Only 1 global label is chosen; at least 2 are required.'],
    ]);
    assert.deepEqual(check(two, []).map((v) => v[3]), ['No global label is chosen; at least 2 are required.']);
    assert.deepEqual(check(two, ['COPD', 'Pneumonia']), []);
  });
});

describe('globalLabelIsGlobal', () => {
  const rule: Rule = { kind: 'globalLabelIsGlobal' };
  it('passes with global labels, by name or alias', () => assert.deepEqual(check(rule, ['COPD', 'Other disease', 'Tuberculosis']), []));
  it('fails on an unknown label', () => {
    assert.deepEqual(check(rule, ['COPD', 'Lung tumour']), [
      ['globalLabelIsGlobal', 'UNKNOWN_GLOBAL_LABEL', 'globals[1]', '"Lung tumour" is not a label of the vindr-cxr schema.'],
    ]);
  });
  it('fails on a local label', () => {
    assert.deepEqual(check(rule, ['Nodule/Mass']), [
      ['globalLabelIsGlobal', 'GLOBAL_LABEL_NOT_GLOBAL', 'globals[0]', 'Nodule/Mass is a local label: it is marked with boxes, not chosen for the whole image.'],
    ]);
  });
  it('fails on a duplicate, an alias included, at the repeat', () => {
    assert.deepEqual(check(rule, ['Other diseases', 'COPD', 'Other disease', 'COPD']), [
      ['globalLabelIsGlobal', 'DUPLICATE_GLOBAL_LABEL', 'globals[2]', 'Other diseases is chosen more than once.'],
      ['globalLabelIsGlobal', 'DUPLICATE_GLOBAL_LABEL', 'globals[3]', 'COPD is chosen more than once.'],
    ]);
  });
  it('fails on an empty entry', () => {
    assert.deepEqual(check(rule, ['COPD', ' ']), [['globalLabelIsGlobal', 'GLOBAL_LABEL_EMPTY', 'globals[1]', 'Global label 2 is empty.']]);
  });
});

describe('exclusiveLabel', () => {
  const both: Rule = { kind: 'exclusiveLabel', excludesGlobals: true, excludesBoxes: true };
  it('defaults to the schema noFinding and passes when it is alone', () => assert.deepEqual(check(both, ['No finding']), []));
  it('passes when the label is not chosen', () => assert.deepEqual(check(both, ['COPD', 'Pneumonia'], [box('Nodule/Mass')]), []));
  it('reports each other global label and each box, in order', () => {
    assert.deepEqual(check(both, ['Lung tumor', 'No finding', 'Pneumonia'], [box('Nodule/Mass'), box('Calcification')]), [
      ['exclusiveLabel', 'NO_FINDING_WITH_LABELS', 'globals[0]', 'Lung tumor is chosen with No finding, which excludes every other global label.'],
      ['exclusiveLabel', 'NO_FINDING_WITH_LABELS', 'globals[2]', 'Pneumonia is chosen with No finding, which excludes every other global label.'],
      ['exclusiveLabel', 'NO_FINDING_WITH_BOXES', 'boxes[0]', 'Box 1 (Nodule/Mass) is drawn, but No finding excludes every box.'],
      ['exclusiveLabel', 'NO_FINDING_WITH_BOXES', 'boxes[1]', 'Box 2 (Calcification) is drawn, but No finding excludes every box.'],
    ]);
  });
  it('checks only what it excludes', () => {
    const globalsOnly: Rule = { kind: 'exclusiveLabel', excludesGlobals: true, excludesBoxes: false };
    const boxesOnly: Rule = { kind: 'exclusiveLabel', excludesGlobals: false, excludesBoxes: true };
    const read = [['No finding', 'COPD'], [box('Edema')]] as const;
    assert.deepEqual(check(globalsOnly, [...read[0]], [...read[1]]).map((v) => v[1]), ['NO_FINDING_WITH_LABELS']);
    assert.deepEqual(check(boxesOnly, [...read[0]], [...read[1]]).map((v) => v[1]), ['NO_FINDING_WITH_BOXES']);
  });
  it('uses EXCLUSIVE_LABEL_* codes for a label other than noFinding', () => {
    const rule: Rule = { kind: 'exclusiveLabel', label: 'Tuberculosis', excludesGlobals: true, excludesBoxes: true };
    assert.deepEqual(check(rule, ['Tuberculosis', 'COPD'], [box('Lung cavity')]), [
      ['exclusiveLabel', 'EXCLUSIVE_LABEL_WITH_LABELS', 'globals[1]', 'COPD is chosen with Tuberculosis, which excludes every other global label.'],
      ['exclusiveLabel', 'EXCLUSIVE_LABEL_WITH_BOXES', 'boxes[0]', 'Box 1 (Lung cavity) is drawn, but Tuberculosis excludes every box.'],
    ]);
  });
  it('does nothing when neither the rule nor the schema names a label', () => {
    const { noFinding: _dropped, ...bare } = S;
    assert.deepEqual(check(both, ['No finding', 'COPD'], [box('Edema')], bare), []);
  });
});
