import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ageFromDates, parseAgeString, patientAge } from './patient-age.js';

describe('parseAgeString', () => {
  it('reads the four AS units in years', () => {
    assert.equal(parseAgeString('045Y'), 45);
    assert.equal(parseAgeString('018M'), 1.5);
    assert.equal(parseAgeString('030D')!.toFixed(4), (30 / 365.2425).toFixed(4));
    assert.equal(parseAgeString('052W')!.toFixed(4), ((52 * 7) / 365.2425).toFixed(4));
    assert.equal(parseAgeString('008Y'), 8);
  });
  it('accepts the common deviations: short, lower case, spaces, bare digits', () => {
    assert.equal(parseAgeString('45Y'), 45);
    assert.equal(parseAgeString('045y'), 45);
    assert.equal(parseAgeString(' 45 Y '), 45);
    assert.equal(parseAgeString('045'), 45);
  });
  it('rejects what is not an age', () => {
    for (const bad of ['', 'Y', 'adult', '45X', '1234Y', '-5Y', '4.5Y']) assert.equal(parseAgeString(bad), undefined, bad);
  });
});

describe('ageFromDates', () => {
  it('counts whole years, a birthday counting from its day', () => {
    assert.equal(ageFromDates('19400305', '20040826'), 64);
    assert.equal(ageFromDates('20000827', '20180826'), 17);
    assert.equal(ageFromDates('20000826', '20180826'), 18);
    assert.equal(ageFromDates('2000.02.29', '2001.02.28'), 0);
  });
  it('is undefined for impossible or reversed dates', () => {
    assert.equal(ageFromDates('20010230', '20200101'), undefined);
    assert.equal(ageFromDates('20200101', '20100101'), undefined);
    assert.equal(ageFromDates('', '20100101'), undefined);
  });
});

describe('patientAge', () => {
  it('prefers Patient Age, falls back to the dates, and says where it came from', () => {
    assert.deepEqual(patientAge('008Y', '19400305', '20040826'), { years: 8, from: 'Patient Age 008Y' });
    assert.deepEqual(patientAge('unknown', '19400305', '20040826'), { years: 64, from: 'born 19400305, study 20040826' });
    assert.equal(patientAge(undefined, undefined, '20040826'), undefined);
  });
});
