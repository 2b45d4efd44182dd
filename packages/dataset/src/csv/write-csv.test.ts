import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatCsvField, writeCsv } from './write-csv.js';
import { parseCsv } from './parse-csv.js';

describe('writeCsv', () => {
  it('quotes only fields that need it', () => {
    assert.equal(formatCsvField('Nodule/Mass'), 'Nodule/Mass');
    assert.equal(formatCsvField(''), '');
    assert.equal(formatCsvField('a,b'), '"a,b"');
    assert.equal(formatCsvField('say "hi"'), '"say ""hi"""');
    assert.equal(formatCsvField('two\nlines'), '"two\nlines"');
    assert.equal(formatCsvField('cr\r'), '"cr\r"');
  });

  it('writes LF line endings and a final newline', () => {
    assert.equal(writeCsv(['a', 'b'], [['1', ''], ['x,y', 'z']]), 'a,b\n1,\n"x,y",z\n');
    assert.equal(writeCsv(['a'], []), 'a\n');
  });

  it('reads back what it writes', () => {
    const rows = [['plain', 'with,comma', 'with "quotes"'], ['multi\nline', '', 'crlf\r\nend'], ['', '', '']];
    const text = writeCsv(['a', 'b', 'c'], rows);
    assert.deepEqual([...parseCsv(text)].slice(1).map((r) => r.fields), rows);
  });
});
