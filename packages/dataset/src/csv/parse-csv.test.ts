import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DatasetFormatError } from '../model/annotations.js';
import { parseCsv } from './parse-csv.js';

const rows = (text: string) => [...parseCsv(text, 'f.csv')].map((r) => [r.line, ...r.fields]);

function throwsAt(text: string, line: number, column: number | undefined, reason: RegExp): void {
  assert.throws(() => rows(text), (e: unknown) => {
    assert.ok(e instanceof DatasetFormatError);
    assert.equal(e.file, 'f.csv');
    assert.deepEqual([e.line, e.column], [line, column]);
    assert.match(e.reason, reason);
    return true;
  });
}

describe('parseCsv', () => {
  it('splits plain rows and numbers lines from 1', () => {
    assert.deepEqual(rows('a,b,c\n1,2,3\n'), [[1, 'a', 'b', 'c'], [2, '1', '2', '3']]);
  });

  it('reads a final line without newline, CRLF endings, and strips a BOM', () => {
    assert.deepEqual(rows('\uFEFFa,b\r\n1,2\r\n3,4'), [[1, 'a', 'b'], [2, '1', '2'], [3, '3', '4']]);
  });

  it('keeps empty fields, leading, trailing and all-empty', () => {
    assert.deepEqual(rows(',a,\n,,,\n'), [[1, '', 'a', ''], [2, '', '', '', '']]);
  });

  it('reads quoted fields with commas, "" escapes and line breaks; a row keeps the line it starts on', () => {
    const text = 'id,text\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines",x\n4,"",end\r\n"5","crlf\r\ninside"\r\n6,z';
    assert.deepEqual(rows(text), [
      [1, 'id', 'text'],
      [2, '1', 'a, b'],
      [3, '2', 'say "hi"'],
      [4, '3', 'two\nlines', 'x'],
      [6, '4', '', 'end'],
      [7, '5', 'crlf\r\ninside'],
      [9, '6', 'z'],
    ]);
  });

  it('reads a quoted last field at the very end of the text', () => {
    assert.deepEqual(rows('a,"b"'), [[1, 'a', 'b']]);
  });

  it('treats a quote inside an unquoted field as text', () => {
    assert.deepEqual(rows('a"b,c\n'), [[1, 'a"b', 'c']]);
  });

  it('gives no rows for empty text or a lone BOM', () => {
    assert.deepEqual(rows(''), []);
    assert.deepEqual(rows('\uFEFF'), []);
  });

  it('reports an unterminated quote at the line and column where it opened', () => {
    throwsAt('a,b\n1,2\n3,"open\nmore\n', 3, 2, /unterminated quoted field/);
  });

  it('reports text after a closing quote', () => {
    throwsAt('a,b\n"x"y,2\n', 2, 1, /after a closing quote/);
    throwsAt('a,b\n1,"two\nlines"z\n', 3, 2, /after a closing quote/);
  });
});
