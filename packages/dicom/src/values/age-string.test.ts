import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAgeString } from './age-string.js';

describe('parseAgeString', () => {
  it('reads the four AS units in years', () => {
    assert.equal(parseAgeString('045Y'), 45);
    assert.equal(parseAgeString('018M'), 1.5);
    assert.equal(parseAgeString('006M'), 0.5);
    assert.equal(parseAgeString('030D'), 30 / 365.2425);
    assert.equal(parseAgeString('052W'), (52 * 7) / 365.2425);
    assert.equal(parseAgeString('000Y'), 0);
  });
  it('accepts the common deviations: short, lower case, spaces, bare digits', () => {
    for (const text of ['45Y', '045y', ' 45 Y ', ' 045Y ', '045', '45']) assert.equal(parseAgeString(text), 45, text);
  });
  it('rejects what is not an age', () => {
    for (const bad of [undefined, '', 'Y', 'adult', '45X', '045Q', '04XY', '1234Y', '-5Y', '-45Y', '4.5Y']) assert.equal(parseAgeString(bad), undefined, String(bad));
  });
});
