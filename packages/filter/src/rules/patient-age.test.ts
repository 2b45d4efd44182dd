import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ageFromDates, patientAge } from './patient-age.js';

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
