// Text made safe for XML and HTML (element content and quoted attributes), and number formatting for reports.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` with & < > " ' replaced by entities, so it can stand in SVG or HTML text and attribute values. */
export function escapeMarkup(text: string): string {
  let out = '';
  for (const c of text) out += ENTITIES[c] ?? c;
  return out;
}

/** An integer with thousands separators (1,234,567), locale-independent; other numbers as String() gives them. */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return n < 0 ? '-' + out : out;
}
