import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRulesText, ruleIndexOf, ruleLines } from './rules-text.js';

const schema = {
  name: 'mini',
  labels: [
    { name: 'Nodule/Mass', kind: 'local' as const, definition: '' },
    { name: 'Pneumonia', kind: 'global' as const, definition: '' },
    { name: 'No finding', kind: 'global' as const, definition: '' },
  ],
  noFinding: 'No finding',
  classIds: ['Nodule/Mass'],
};

describe('ruleLines', () => {
  it('describes each rule in words, with its id and own message', () => {
    const lines = ruleLines([
      { kind: 'maxBoxes', max: 3 },
      { kind: 'requireGlobalLabel', id: 'one-global', message: 'Pick a global label.' },
    ]);
    assert.equal(lines[0]!.text, 'An image has at most 3 boxes.');
    assert.equal(lines[0]!.id, 'maxBoxes');
    assert.deepEqual(lines[1], { text: 'At least one global label must be chosen.', id: 'one-global', message: 'Pick a global label.' });
  });
  it('shows an unknown rule as its JSON instead of failing', () => {
    assert.match(ruleLines([{ kind: 'nope' }])[0]!.text, /Unknown rule: \{"kind":"nope"\}/);
  });
});

describe('checkRulesText', () => {
  it('accepts a valid rule set and returns it parsed', () => {
    const r = checkRulesText('[{"kind":"maxBoxes","max":2,"label":"Nodule/Mass"}]', schema);
    assert.equal(r.ok, true);
    assert.deepEqual(r.ok && r.rules, [{ kind: 'maxBoxes', max: 2, label: 'Nodule/Mass' }]);
  });
  it('names the rule and property the schema refuses, as the server would', () => {
    const r = checkRulesText('[{"kind":"maxBoxes","max":2},{"kind":"requiresLabel","label":"Martian","requires":["Pneumonia"]}]', schema);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.field, 'body.rules[1].label');
    assert.equal(!r.ok && ruleIndexOf(r.field), 1);
  });
  it('says where the JSON is broken and that the rules are an array', () => {
    const broken = checkRulesText('[\n  {"kind": "maxBoxes",}\n]', schema);
    assert.match(!broken.ok ? broken.message : '', /Not valid JSON: .*line 2, column 23/);
    const object = checkRulesText('{"kind":"maxBoxes"}', schema);
    assert.match(!object.ok ? object.message : '', /JSON array/);
  });
});

describe('ruleIndexOf', () => {
  it('reads the rule index from a field, or nothing', () => {
    assert.equal(ruleIndexOf('body.rules[12].requires[0]'), 12);
    assert.equal(ruleIndexOf('body.rules'), undefined);
    assert.equal(ruleIndexOf(undefined), undefined);
  });
});
