// Header-checked CSV records: columns found by name, wrong field counts and bad numbers reported by line and column.
import { DatasetFormatError } from '../model/annotations.js';
import { CsvCursor } from './parse-csv.js';
import { parseDecimal } from './numbers.js';

export interface ReadCsvOptions {
  /** Names the input in errors (a path or a label); default `<input>`. */
  file?: string;
  /** Columns the header must have (any order). */
  required: readonly string[];
  /** Columns the header may have; `get` answers '' where one is absent. Other columns are ignored. */
  optional?: readonly string[];
  /** The column name a header cell stands for (to accept aliases); default: the cell itself. */
  columnName?: (headerCell: string) => string;
  /** Reject columns that are neither required nor optional (default: ignore them). */
  strict?: boolean;
}

/**
 * A CSV file's header and its records (iterable once). Blank lines are skipped, as pandas does (in a
 * file of one column a blank line is an empty cell). Columns are 1-based in errors.
 */
export class CsvTable implements Iterable<CsvRecord> {
  /** The header cells as written. */
  readonly header: readonly string[];
  private readonly columns = new Map<string, number>();

  constructor(readonly file: string, private readonly rows: CsvCursor, options: ReadCsvOptions) {
    const first = rows.next();
    if (first === undefined) throw new DatasetFormatError(file, 1, undefined, 'empty file: no header');
    this.header = first;
    const name = options.columnName ?? ((cell: string) => cell);
    this.header.forEach((cell, i) => {
      const column = name(cell);
      if (this.columns.has(column)) throw new DatasetFormatError(file, 1, i + 1, `column "${column}" appears twice`);
      this.columns.set(column, i);
    });
    if (options.strict) {
      const known = new Set([...options.required, ...(options.optional ?? [])]);
      const i = this.header.findIndex((cell) => !known.has(name(cell)));
      if (i >= 0) throw new DatasetFormatError(file, 1, i + 1, `unexpected column ${JSON.stringify(this.header[i])}`);
    }
    for (const column of options.required) {
      if (!this.columns.has(column)) throw new DatasetFormatError(file, 1, undefined, `missing column "${column}"`);
    }
  }

  /** The 0-based index of a column, or undefined when the header lacks it. */
  indexOf(name: string): number | undefined {
    return this.columns.get(name);
  }

  *[Symbol.iterator](): Iterator<CsvRecord> {
    const width = this.header.length;
    for (let fields = this.rows.next(); fields !== undefined; fields = this.rows.next()) {
      const line = this.rows.line;
      if (fields.length !== width) {
        if (fields.length === 1 && fields[0] === '') continue;
        const column = fields.length < width ? fields.length + 1 : width + 1;
        throw new DatasetFormatError(this.file, line, column, `expected ${width} fields, found ${fields.length}`);
      }
      yield new CsvRecord(this, line, fields);
    }
  }
}

/** One row mapped to the header: cells by column name, and errors that point at them. */
export class CsvRecord {
  constructor(readonly table: CsvTable, readonly line: number, readonly fields: readonly string[]) {}

  /** The cell of a column; '' when the header lacks the (optional) column. */
  get(name: string): string {
    const i = this.table.indexOf(name);
    return i === undefined ? '' : this.fields[i] ?? '';
  }

  /** An error located at this row and the named column (or the whole row). */
  error(name: string | undefined, reason: string): DatasetFormatError {
    const i = name === undefined ? undefined : this.table.indexOf(name);
    return new DatasetFormatError(this.table.file, this.line, i === undefined ? undefined : i + 1, reason);
  }

  /** The cell as a number; throws `name: "abc" is not a number` located at the cell. */
  number(name: string): number {
    const cell = this.get(name);
    const n = parseDecimal(cell);
    if (n === undefined) throw this.error(name, `${name}: ${JSON.stringify(cell)} is not a number`);
    return n;
  }

  /** The cell as a number, or undefined when it is empty. */
  optionalNumber(name: string): number | undefined {
    return this.get(name) === '' ? undefined : this.number(name);
  }

  /** The cell, which must not be empty. */
  text(name: string): string {
    const cell = this.get(name);
    if (cell === '') throw this.error(name, `${name} is empty`);
    return cell;
  }
}

/** Reads CSV text into a header-checked table; throws DatasetFormatError (line 1) for a missing required column. */
export function readCsvTable(text: string, options: ReadCsvOptions): CsvTable {
  const file = options.file ?? '<input>';
  return new CsvTable(file, new CsvCursor(text, file), options);
}
