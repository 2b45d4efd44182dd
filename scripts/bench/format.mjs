// Output and number formats shared by the bench scripts.

export const log = (...a) => console.log(...a);

/** From now on, everything printed with console.log is also kept in the returned array (for a Markdown section of the run). */
export function captureConsole() {
  const lines = [];
  const print = console.log;
  console.log = (...a) => {
    lines.push(a.join(' '));
    print(...a);
  };
  return lines;
}
export const tail = (text, n = 3) => (text || '').toString().trim().split('\n').slice(-n).join(' | ');
export const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function median(xs) {
  if (!xs || xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A number with `digits` decimals and thousands separators; '—' for none. */
export function fmt(n, digits = 0) {
  if (n === undefined || n === null || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
/** A rate: 2 decimals under 10, 1 under 100, none above. */
export const fmtRate = (n) => (n === undefined ? '—' : fmt(n, n < 10 ? 2 : n < 100 ? 1 : 0));
/** Ratios are cut (not rounded) to 2 decimals, so that a ratio shown as 1.50x has reached 1.50. */
export const cut2 = (n) => Math.floor(n * 100 + 1e-9) / 100;
export const fmtX = (n) => (n === undefined || !Number.isFinite(n) ? '—' : `${cut2(n).toFixed(2)}x`);

/** Prints a Markdown table; `align[i]` 'r' right-aligns column i. */
export function markdownTable(head, rows, align) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (align[i] === 'r' ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
  log(line(cells[0]));
  log(`|${width.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const r of cells.slice(1)) log(line(r));
}
