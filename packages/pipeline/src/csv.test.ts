import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, toCsv } from './csv.js';

describe('csv', () => {
  it('quotes only fields that need it, doubling quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(0.25), '0.25');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
  });
  it('ends every row with CRLF', () => {
    assert.equal(toCsv(['x', 'y'], [[1, 'a;b'], [undefined, 'c,d']]), 'x,y\r\n1,a;b\r\n,"c,d"\r\n');
  });
});
