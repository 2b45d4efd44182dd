import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { labelShortcut, searchLabels, shortcutIndex } from './label-search.js';

const LABELS = VINDR_CXR_SCHEMA.labels; // objects with name and aliases
const NAMES = LABELS.map((l) => l.name);

describe('searchLabels', () => {
  it('an empty query lists every label in order', () => {
    assert.deepEqual(searchLabels(NAMES, ''), NAMES);
    assert.deepEqual(searchLabels(NAMES, '   '), NAMES);
  });

  it('"pe": Pleural effusion first (initials), then in-order letter matches, tighter first', () => {
    const got = searchLabels(NAMES, 'pe');
    assert.equal(got[0], 'Pleural effusion');
    assert.ok(got.indexOf('Pleural thickening') > 0);
    assert.ok(got.indexOf('Pleural thickening') < got.indexOf('Emphysema'), 'p-e tighter in "Pleural" than in "Emphysema"');
    assert.ok(!got.includes('Lung Opacity'), 'no e after the p');
    assert.ok(!got.includes('Cardiomegaly'));
  });

  it('prefix before word prefix before substring, case-insensitive', () => {
    assert.deepEqual(searchLabels(NAMES, 'PLEU').slice(0, 2), ['Pleural effusion', 'Pleural thickening']);
    const lung = searchLabels(NAMES, 'lung');
    assert.deepEqual(lung.slice(0, 3), ['Lung Opacity', 'Lung cavity', 'Lung cyst']);
    assert.ok(lung.indexOf('Lung tumor') === 3);
    const eff = searchLabels(NAMES, 'eff');
    assert.equal(eff[0], 'Pleural effusion');
    const ation = searchLabels(NAMES, 'ation');
    assert.deepEqual(ation.slice(0, 3), ['Calcification', 'Consolidation', 'Infiltration'], 'substrings, in list order');
  });

  it('word prefixes across / and several query words', () => {
    assert.equal(searchLabels(NAMES, 'mass')[0], 'Nodule/Mass');
    assert.equal(searchLabels(NAMES, 'pl thi')[0], 'Pleural thickening');
    assert.equal(searchLabels(NAMES, 'rib fr')[0], 'Rib fracture');
  });

  it('aliases match and return the label', () => {
    const got = searchLabels(LABELS, 'interstitial');
    assert.equal(got[0]?.name, 'ILD');
    assert.equal(searchLabels(LABELS, 'ild')[0]?.name, 'ILD');
  });

  it('no match: empty', () => {
    assert.deepEqual(searchLabels(NAMES, 'zzq'), []);
  });
});

describe('label shortcuts', () => {
  it('1-9 then 0 for the first ten, none after; shortcutIndex inverts it', () => {
    assert.deepEqual([0, 1, 8, 9, 10, -1].map(labelShortcut), ['1', '2', '9', '0', null, null]);
    for (let i = 0; i < 10; i++) assert.equal(shortcutIndex(labelShortcut(i)!), i);
    assert.equal(shortcutIndex('a'), -1);
  });
});
