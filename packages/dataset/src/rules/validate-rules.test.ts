// parseRuleSet: a good rule set comes back typed and normalised; each bad one throws at its path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VINDR_CXR_SCHEMA as S } from '../schema/vindr-cxr.js';
import { RuleSetError } from './rule-set-error.js';
import { MAX_RULES, parseRuleSet } from './validate-rules.js';

function throwsAt(json: unknown, path: string, reason: string | RegExp, schema = S): void {
  assert.throws(() => parseRuleSet(json, schema), (e: unknown) => {
    assert.ok(e instanceof RuleSetError, String(e));
    assert.equal(e.path, path, e.message);
    if (typeof reason === 'string') assert.equal(e.reason, reason);
    else assert.match(e.reason, reason);
    assert.equal(e.message, `${path}: ${e.reason}`);
    return true;
  });
}

describe('parseRuleSet accepts', () => {
  it('every kind, resolving aliases and filling exclusiveLabel from noFinding', () => {
    const json = JSON.parse(`[
      {"kind": "requireGlobalLabel", "min": 2, "id": "two"},
      {"kind": "exclusiveLabel", "excludesGlobals": true, "excludesBoxes": true, "message": "No finding stands alone."},
      {"kind": "boxLabelIsLocal"},
      {"kind": "boxInsideImage", "tolerance": 0.5},
      {"kind": "boxPositiveArea", "minSide": 2},
      {"kind": "globalLabelIsGlobal"},
      {"kind": "requiresLabel", "label": "Lung tumor", "requires": ["Nodule/Mass", "Interstitial lung disease"]},
      {"kind": "forbidsTogether", "labels": ["COPD", "Other disease"]},
      {"kind": "maxBoxes", "max": 0, "label": "Rib fracture"},
      {"kind": "boxLabelRequiresGlobal", "global": ["Lung tumor"], "boxLabel": "Nodule/Mass"}
    ]`);
    assert.deepEqual(parseRuleSet(json, S), [
      { kind: 'requireGlobalLabel', min: 2, id: 'two' },
      { kind: 'exclusiveLabel', label: 'No finding', excludesGlobals: true, excludesBoxes: true, message: 'No finding stands alone.' },
      { kind: 'boxLabelIsLocal' },
      { kind: 'boxInsideImage', tolerance: 0.5 },
      { kind: 'boxPositiveArea', minSide: 2 },
      { kind: 'globalLabelIsGlobal' },
      { kind: 'requiresLabel', label: 'Lung tumor', requires: ['Nodule/Mass', 'ILD'] },
      { kind: 'forbidsTogether', labels: ['COPD', 'Other diseases'] },
      { kind: 'maxBoxes', max: 0, label: 'Rib fracture' },
      { kind: 'boxLabelRequiresGlobal', boxLabel: 'Nodule/Mass', global: ['Lung tumor'] },
    ]);
  });
  it('optional fields left out, and an empty set', () => {
    assert.deepEqual(parseRuleSet([{ kind: 'requireGlobalLabel' }, { kind: 'maxBoxes', max: 3 }], S), [
      { kind: 'requireGlobalLabel' }, { kind: 'maxBoxes', max: 3 },
    ]);
    assert.deepEqual(parseRuleSet([], S), []);
  });
});

describe('parseRuleSet rejects', () => {
  it('a set that is not an array, or too long', () => {
    throwsAt({ rules: [] }, 'rules', 'expected an array of rules, got an object');
    throwsAt(null, 'rules', 'expected an array of rules, got null');
    throwsAt(Array.from({ length: MAX_RULES + 1 }, () => ({ kind: 'boxLabelIsLocal' })), 'rules', `${MAX_RULES + 1} rules; at most ${MAX_RULES} are allowed`);
  });
  it('a rule that is not an object', () => {
    throwsAt([{ kind: 'boxLabelIsLocal' }, 'maxBoxes'], 'rules[1]', 'expected a rule object, got a string');
    throwsAt([[]], 'rules[0]', 'expected a rule object, got an array');
  });
  it('a missing or unknown kind', () => {
    throwsAt([{}], 'rules[0].kind', 'required');
    throwsAt([{ kind: 'boxLabelIsLocal' }, { kind: 'boxLabelIsLocal' }, { kind: 'maxBox', max: 1 }], 'rules[2].kind', /^unknown rule kind "maxBox" \(expected one of requireGlobalLabel, /);
    throwsAt([{ kind: 3 }], 'rules[0].kind', /^unknown rule kind a number/);
  });
  it('an unknown property, the prototype included', () => {
    throwsAt([{ kind: 'maxBoxes', max: 1, lable: 'Edema' }], 'rules[0].lable', 'unknown property of a maxBoxes rule');
    throwsAt(JSON.parse('[{"kind": "boxLabelIsLocal", "__proto__": {"x": 1}}]'), 'rules[0].__proto__', 'unknown property of a boxLabelIsLocal rule');
  });
  it('a bad id or message', () => {
    throwsAt([{ kind: 'boxLabelIsLocal', id: 7 }], 'rules[0].id', 'expected a string, got a number');
    throwsAt([{ kind: 'boxLabelIsLocal', message: ' ' }], 'rules[0].message', 'must not be empty');
    throwsAt([{ kind: 'boxLabelIsLocal', message: 'x'.repeat(501) }], 'rules[0].message', 'longer than 500 characters');
    throwsAt([{ kind: 'boxLabelIsLocal', id: 'a' }, { kind: 'maxBoxes', max: 1, id: 'a' }], 'rules[1].id', '"a" is already the id of rules[0]');
    throwsAt([{ kind: 'boxLabelIsLocal', id: 'read' }], 'rules[0].id', '"read" is reserved for the checks of the read itself');
  });
  it('bad numbers', () => {
    throwsAt([{ kind: 'requireGlobalLabel', min: 0 }], 'rules[0].min', 'expected an integer >= 1, got 0');
    throwsAt([{ kind: 'requireGlobalLabel', min: 1.5 }], 'rules[0].min', 'expected an integer >= 1, got 1.5');
    throwsAt([{ kind: 'requireGlobalLabel', min: 7 }], 'rules[0].min', '7 exceeds the 6 global labels of the vindr-cxr schema');
    throwsAt([{ kind: 'boxInsideImage', tolerance: '1' }], 'rules[0].tolerance', 'expected a finite number >= 0, got a string');
    throwsAt([{ kind: 'boxInsideImage', tolerance: Number.NaN }], 'rules[0].tolerance', 'expected a finite number >= 0, got NaN');
    throwsAt([{ kind: 'boxInsideImage', tolerance: -1 }], 'rules[0].tolerance', 'expected a finite number >= 0, got -1');
    throwsAt([{ kind: 'boxPositiveArea', minSide: 0 }], 'rules[0].minSide', 'expected a finite number > 0, got 0');
    throwsAt([{ kind: 'boxPositiveArea', minSide: Number.POSITIVE_INFINITY }], 'rules[0].minSide', 'expected a finite number > 0, got Infinity');
    throwsAt([{ kind: 'maxBoxes' }], 'rules[0].max', 'required');
    throwsAt([{ kind: 'maxBoxes', max: -1 }], 'rules[0].max', 'expected an integer >= 0, got -1');
  });
  it('bad exclusiveLabel fields', () => {
    throwsAt([{ kind: 'exclusiveLabel', excludesBoxes: true }], 'rules[0].excludesGlobals', 'required');
    throwsAt([{ kind: 'exclusiveLabel', excludesGlobals: true, excludesBoxes: 'yes' }], 'rules[0].excludesBoxes', 'expected a boolean, got a string');
    throwsAt([{ kind: 'exclusiveLabel', excludesGlobals: false, excludesBoxes: false }], 'rules[0]', 'excludesGlobals and excludesBoxes are both false, so the rule checks nothing');
    throwsAt([{ kind: 'exclusiveLabel', label: 'Edema', excludesGlobals: true, excludesBoxes: true }], 'rules[0].label', '"Edema" is a local label; expected a global one');
    const { noFinding: _dropped, ...bare } = S;
    throwsAt([{ kind: 'exclusiveLabel', excludesGlobals: true, excludesBoxes: true }], 'rules[0].label', 'required: the vindr-cxr schema has no noFinding label', bare);
  });
  it('unknown labels, wrong kinds and bad lists', () => {
    throwsAt([{ kind: 'requiresLabel', label: 'Lung cancer', requires: ['Nodule/Mass'] }], 'rules[0].label', 'unknown label "Lung cancer" (not in the vindr-cxr schema)');
    throwsAt([{ kind: 'requiresLabel', requires: ['Nodule/Mass'] }], 'rules[0].label', 'required');
    throwsAt([{ kind: 'requiresLabel', label: 'Lung tumor', requires: 'Nodule/Mass' }], 'rules[0].requires', 'expected an array of label names, got a string');
    throwsAt([{ kind: 'requiresLabel', label: 'Lung tumor', requires: [] }], 'rules[0].requires', 'expected at least 1 label, got 0');
    throwsAt([{ kind: 'requiresLabel', label: 'Lung tumor', requires: ['Edema', 'Lung tumor'] }], 'rules[0].requires[1]', '"Lung tumor" is the rule\'s own label');
    throwsAt([{ kind: 'forbidsTogether', labels: ['COPD'] }], 'rules[0].labels', 'expected at least 2 labels, got 1');
    throwsAt([{ kind: 'forbidsTogether', labels: ['COPD', null] }], 'rules[0].labels[1]', 'expected a label name, got null');
    throwsAt([{ kind: 'forbidsTogether', labels: ['Other diseases', 'COPD', 'Other disease'] }], 'rules[0].labels[2]', '"Other diseases" is listed twice');
    throwsAt([{ kind: 'maxBoxes', max: 1, label: 'COPD' }], 'rules[0].label', '"COPD" is a global label; expected a local one');
    throwsAt([{ kind: 'boxLabelRequiresGlobal', boxLabel: 'Lung tumor', global: ['COPD'] }], 'rules[0].boxLabel', '"Lung tumor" is a global label; expected a local one');
    throwsAt([{ kind: 'boxLabelRequiresGlobal', global: ['COPD', 'Edema'] }], 'rules[0].global[1]', '"Edema" is a local label; expected a global one');
    throwsAt([{ kind: 'boxLabelRequiresGlobal' }], 'rules[0].global', 'required');
  });
});
