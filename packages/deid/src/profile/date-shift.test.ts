import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateShiftDays, MAX_SHIFT_DAYS, shiftDA, shiftDT } from './date-shift.js';

describe('date shift', () => {
  it('moves DA back by whole days across months, years and leap days', () => {
    assert.equal(shiftDA('20200301', 1), '20200229');
    assert.equal(shiftDA('20210101', 1), '20201231');
    assert.equal(shiftDA('20200115', 365), '20190115');
    assert.equal(shiftDA('20200115', 0), '20200115');
  });

  it('rejects what is not a valid date', () => {
    for (const bad of ['20200230', '2020.01.15', '202001', '20201315', 'ABCDEFGH', '']) assert.equal(shiftDA(bad, 3), undefined, bad);
  });

  it('moves the date part of DT and keeps time and UTC offset', () => {
    assert.equal(shiftDT('20200301123456.123+0100', 1), '20200229123456.123+0100');
    assert.equal(shiftDT('20200301', 1), '20200229');
    assert.equal(shiftDT('2020', 1), undefined);
    assert.equal(shiftDT('20200301 hello', 1), undefined);
  });

  it('is one shift per patient, 1 to 3650 days, keyed', () => {
    const key = new Uint8Array([1, 2, 3]);
    assert.equal(dateShiftDays('PAT-1', key), dateShiftDays('PAT-1', key));
    const shifts = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const days = dateShiftDays(`PAT-${i}`, key);
      assert.ok(Number.isInteger(days) && days >= 1 && days <= MAX_SHIFT_DAYS);
      shifts.add(days);
    }
    assert.ok(shifts.size > 90, 'different patients usually get different shifts');
    const unkeyed = Array.from({ length: 20 }, (_, i) => dateShiftDays(`PAT-${i}`, undefined));
    const keyed = Array.from({ length: 20 }, (_, i) => dateShiftDays(`PAT-${i}`, key));
    assert.notDeepEqual(unkeyed, keyed);
  });
});
