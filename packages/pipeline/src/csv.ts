// CSV (RFC 4180) output: fields quoted only when they must be, rows ended by CRLF.

export type CsvValue = string | number | undefined;

/** One field: empty for undefined, quoted (with "" for ") when it holds a comma, quote or line break. */
export function csvField(value: CsvValue): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header and rows as one CSV text, each row ended by CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}
