// Numbers in CSV cells: a strict decimal parser, and the float text pandas writes (Python's repr).

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a cell spells as a plain decimal (`12`, `-3.5`, `.5`, `1e3`); undefined for anything else ('' , ' 1', '0x10', 'NaN', 'Infinity'). */
export function parseDecimal(text: string): number | undefined {
  const fast = parseShortDecimal(text);
  if (fast !== undefined) return fast;
  const n = +text;
  return Number.isFinite(n) && DECIMAL.test(text) ? n : undefined;
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common case without the string-to-number machinery: digits, an optional point and digits,
 * at most 15 digits in all. Then digits / 10^k is one division of two exact numbers, so correctly
 * rounded: the same number `+text` gives. Undefined for anything else (the slow path decides).
 */
function parseShortDecimal(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 16) return undefined;
  let digits = 0;
  let count = 0;
  let point = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) {
      digits = digits * 10 + c;
      count++;
    } else if (c === -2 && point < 0) point = i;
    else return undefined;
  }
  if (count === 0 || count > 15) return undefined;
  return point < 0 ? digits : digits / (POWERS_OF_TEN[length - point - 1] ?? 1);
}

/**
 * A number as pandas writes a float column (Python's float repr): the shortest text that reads back
 * as the same number, integers with `.0` (`691` -> `691.0`), exponents below 1e-4 and from 1e16 up
 * (`1e-05`, `1e+16`). So a file written by pandas reads and writes back to the same bytes.
 */
export function formatDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`formatDecimal: ${n} is not a finite number`);
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(n);
  if (magnitude < 1e-4 || magnitude >= 1e16) {
    const [mantissa = '', exponent = ''] = n.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const text = String(n);
  return Number.isInteger(n) ? `${text}.0` : text;
}

/** A number as JavaScript writes it (`1`, `0.5`): the plain form for integer fields and submissions. */
export const formatPlain = (n: number): string => String(n);
