// RFC 4180 CSV rows from text: quoted fields, "" escapes, CRLF or LF, a final line without newline, BOM stripped.
import { DatasetFormatError } from '../model/annotations.js';

/** One record of a CSV file: its fields and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * A cursor over the rows of `text`. Every field is sliced out of the text, found with indexOf: a
 * row without quotes (the common case) comma by comma, a row with quotes field by field. A quoted
 * field may span lines; `line` is the line the row started on. `next()` throws DatasetFormatError
 * for an unterminated quote or text after a closing quote. `file` names the input in errors.
 */
export class CsvCursor {
  /** The 1-based line the row last returned by next() started on. */
  line = 0;
  private pos: number;
  private nextLine = 1;
  private nextQuote: number;

  constructor(private readonly text: string, readonly file = '<input>') {
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.nextQuote = indexOrEnd(text, '"', this.pos);
  }

  /** The next row's fields, or undefined at the end. */
  next(): string[] | undefined {
    const { text, pos } = this;
    if (pos >= text.length) return undefined;
    this.line = this.nextLine;
    const nl = indexOrEnd(text, '\n', pos);
    if (this.nextQuote > nl) {
      this.pos = nl + 1;
      this.nextLine++;
      return splitPlainRow(text, pos, nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl);
    }
    const row = parseQuotedRow(text, pos, this.line, this.file);
    this.pos = row.next;
    this.nextLine = row.line + 1;
    this.nextQuote = indexOrEnd(text, '"', row.next);
    return row.fields;
  }
}

/** The rows of `text` with their lines (see CsvCursor). */
export function* parseCsv(text: string, file = '<input>'): Generator<CsvRow, void, undefined> {
  const cursor = new CsvCursor(text, file);
  for (let fields = cursor.next(); fields !== undefined; fields = cursor.next()) yield { line: cursor.line, fields };
}

/** The fields of a row without quotes from `start` to `stop`, each sliced out of the text (faster than slice + split). */
function splitPlainRow(text: string, start: number, stop: number): string[] {
  const fields: string[] = [];
  for (let i = start; ; ) {
    const comma = text.indexOf(',', i);
    if (comma < 0 || comma >= stop) {
      fields.push(text.slice(i, stop));
      return fields;
    }
    fields.push(text.slice(i, comma));
    i = comma + 1;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const i = text.indexOf(search, from);
  return i < 0 ? text.length : i;
}

/** The row starting at `pos` that holds a quote: its fields, where the next row starts, and its last line. */
function parseQuotedRow(text: string, pos: number, line: number, file: string): { fields: string[]; next: number; line: number } {
  const fields: string[] = [];
  let i = pos;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      const openedOn = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new DatasetFormatError(file, openedOn, fields.length + 1, 'unterminated quoted field');
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) !== QUOTE) {
          i = q + 1;
          break;
        }
        value += '"';
        from = q + 2;
      }
      line += countLineFeeds(value);
      fields.push(value);
      const c = text.charCodeAt(i);
      if (c === COMMA) i++;
      else if (i >= text.length || c === LF) return { fields, next: i + 1, line };
      else if (c === CR && text.charCodeAt(i + 1) === LF) return { fields, next: i + 2, line };
      else throw new DatasetFormatError(file, line, fields.length, 'unexpected text after a closing quote');
    } else {
      const nl = indexOrEnd(text, '\n', i);
      const comma = indexOrEnd(text, ',', i);
      if (comma < nl) {
        fields.push(text.slice(i, comma));
        i = comma + 1;
      } else {
        fields.push(text.slice(i, nl > i && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl));
        return { fields, next: nl + 1, line };
      }
    }
  }
}

function countLineFeeds(value: string): number {
  let n = 0;
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) n++;
  return n;
}
