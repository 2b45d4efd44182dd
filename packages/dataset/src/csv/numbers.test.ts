import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDecimal, parseDecimal } from './numbers.js';

describe('parseDecimal', () => {
  it('reads plain decimals exactly as Number does', () => {
    for (const text of ['0', '691.0', '1375', '900.96', '.5', '5.', '-3.25', '+2', '1e3', '1.5E-2', '0.1', '0.3', '123456789012345', '1234567890.12345', '12345678901234567']) {
      assert.equal(parseDecimal(text), Number(text), text);
    }
  });

  it('rejects what is not a plain decimal', () => {
    for (const text of ['', ' ', ' 1', '1 ', 'abc', '0x10', '0b1', 'NaN', 'Infinity', '-Infinity', '1e', '.', '1.2.3', '--1', '1,5', '1e999']) {
      assert.equal(parseDecimal(text), undefined, JSON.stringify(text));
    }
  });
});

describe('formatDecimal', () => {
  it('writes floats as pandas does (Python repr)', () => {
    const cases: [number, string][] = [
      [691, '691.0'], [0, '0.0'], [-0, '-0.0'], [-12, '-12.0'], [900.96, '900.96'], [0.1, '0.1'],
      [0.0001, '0.0001'], [0.00001, '1e-05'], [1.5e-7, '1.5e-07'], [1e16, '1e+16'], [123456789012345, '123456789012345.0'],
      [1e22, '1e+22'], [2.5e100, '2.5e+100'],
    ];
    for (const [n, text] of cases) assert.equal(formatDecimal(n), text, String(n));
  });

  it('reads back to the same number', () => {
    for (const n of [691, 900.96, 1 / 3, 1e-5, 12345.678]) assert.equal(parseDecimal(formatDecimal(n)), n);
  });

  it('refuses NaN and infinities', () => {
    assert.throws(() => formatDecimal(Number.NaN), RangeError);
    assert.throws(() => formatDecimal(Infinity), RangeError);
  });
});
