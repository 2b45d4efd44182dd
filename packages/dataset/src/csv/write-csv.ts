// CSV text from rows: fields quoted only when needed, LF line endings and a final newline, as the VinDr files are written.

const NEEDS_QUOTES = /[",\r\n]/;

/** A field as CSV writes it: quoted (with "" for ") only when it holds a comma, quote or line break. */
export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line, without its line ending. */
export function formatCsvRow(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + formatCsvField(fields[i] ?? '');
  return line;
}

/** A whole CSV file: the header, then each row, every line ending in `\n`. */
export function writeCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [formatCsvRow(header)];
  for (const row of rows) lines.push(formatCsvRow(row));
  lines.push('');
  return lines.join('\n');
}
