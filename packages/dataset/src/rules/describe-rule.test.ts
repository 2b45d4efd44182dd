// One sentence per rule kind, and per option.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as S } from '../schema/vindr-cxr.js';
import { defaultRules } from './default-rules.js';
import { describeRule } from './describe-rule.js';

describe('describeRule', () => {
  it('describes the VinDr defaults', () => {
    assert.deepEqual(defaultRules(S).map(describeRule), [
      'At least one global label must be chosen.',
      'Each chosen global label is a global label of the schema, chosen once.',
      'No finding excludes every other global label and every box.',
      'Each box has exactly one label, a local label of the schema.',
      'Each box lies inside the image.',
      'Each box has a positive width and height.',
    ]);
  });
  it('describes the options', () => {
    assert.deepEqual([
      describeRule({ kind: 'requireGlobalLabel', min: 2 }),
      describeRule({ kind: 'exclusiveLabel', excludesGlobals: false, excludesBoxes: true }),
      describeRule({ kind: 'exclusiveLabel', label: 'Tuberculosis', excludesGlobals: true, excludesBoxes: false }),
      describeRule({ kind: 'boxInsideImage', tolerance: 1 }),
      describeRule({ kind: 'boxPositiveArea', minSide: 4 }),
    ], [
      'At least 2 global labels must be chosen.',
      'The no-finding label excludes every box.',
      'Tuberculosis excludes every other global label.',
      'Each box lies inside the image, give or take 1 pixel.',
      'Each box is at least 4 pixels wide and high.',
    ]);
  });
  it('describes the project rules', () => {
    assert.deepEqual([
      describeRule({ kind: 'requiresLabel', label: 'Lung tumor', requires: ['Nodule/Mass', 'Lung Opacity'] }),
      describeRule({ kind: 'forbidsTogether', labels: ['COPD', 'Pneumonia'] }),
      describeRule({ kind: 'forbidsTogether', labels: ['COPD', 'Pneumonia', 'Tuberculosis'] }),
      describeRule({ kind: 'maxBoxes', max: 10 }),
      describeRule({ kind: 'maxBoxes', max: 1, label: 'Cardiomegaly' }),
      describeRule({ kind: 'boxLabelRequiresGlobal', global: ['COPD', 'Other diseases'] }),
      describeRule({ kind: 'boxLabelRequiresGlobal', boxLabel: 'Nodule/Mass', global: ['Lung tumor'] }),
    ], [
      'Lung tumor requires Nodule/Mass or Lung Opacity.',
      'COPD and Pneumonia must not be used together.',
      'At most one of COPD, Pneumonia or Tuberculosis may be used.',
      'An image has at most 10 boxes.',
      'An image has at most 1 Cardiomegaly box.',
      'A box requires one of the global labels COPD or Other diseases.',
      'A Nodule/Mass box requires the global label Lung tumor.',
    ]);
  });
});
