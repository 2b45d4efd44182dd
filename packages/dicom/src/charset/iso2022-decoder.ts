/**
 * The general decoder for ISO 2022 code extensions (PS3.5 6.1.2.5), used when a value contains ESC.
 *
 * It keeps the G0 and G1 designations separately, as ISO 2022 does: ESC ( B only changes G0, so a G1 set
 * designated before it (e.g. ESC - F, Greek) still decodes the bytes above 0x7F after it. While G0 holds a
 * single-byte set, CR, LF, FF, TAB (any C0 control but ESC), '\' and, in person names, '^' and '=' return both
 * to the state of value 1 (PS3.5 6.1.2.5.3); while G0 holds JIS X 0208 or JIS X 0212, bytes 0x21-0x7E are
 * halves of two-byte characters, never delimiters (in the standard's own example, ま is 0x24 0x5E), and only
 * control characters reset. Escape sequences designating a set not listed in (0008,0005) are still honoured,
 * with a warning; unknown escape sequences leave ESC in the text and return to the initial state, as pydicom does.
 */
import type { EscapeSequence, G0Set, G1Set } from './code-elements.js';
import { ESC, matchEscape } from './code-elements.js';
import type { ResolvedCharacterSets } from './character-sets.js';
import { REPLACEMENT, warnOnce } from './code-units.js';
import { decodeRun, failedMessage } from './decode-run.js';
import { doubleByteTable, lookupPair } from './double-byte-sets.js';

const BACKSLASH = 0x5c;
const CARET = 0x5e;
const EQUALS = 0x3d;

function isResetControl(b: number): boolean {
  return b < 0x20 && b !== ESC;
}

function isDelimiter(b: number, isPersonName: boolean): boolean {
  return isResetControl(b) || b === BACKSLASH || (isPersonName && (b === CARET || b === EQUALS));
}

const DOUBLE_BYTE_NAMES = {
  'jis-x0208': 'ISO 2022 IR 87 (JIS X 0208)',
  'jis-x0212': 'ISO 2022 IR 159 (JIS X 0212)',
} as const;

function unknownEscapeMessage(sets: ResolvedCharacterSets): string {
  const using = sets.initialG1 === 'latin1-default' ? 'the default repertoire' : 'value 1 of Specific Character Set';
  return `Found unknown escape sequence in encoded string value - using ${using}`;
}

function checkEscape(seq: EscapeSequence, sets: ResolvedCharacterSets, warnings: string[]): void {
  if (!seq.dicom) warnOnce(warnings, `Escape sequence ${seq.name} is not defined by DICOM - decoded as ${seq.term}`);
  const undeclared =
    (seq.g0 !== undefined && !sets.declaredG0.has(seq.g0)) || (seq.g1 !== undefined && !sets.declaredG1.has(seq.g1));
  if (undeclared) {
    const message = `Escape sequence ${seq.name} designates ${seq.term}, which Specific Character Set does not declare`;
    warnOnce(warnings, message + ' - decoded anyway');
  }
}

export function decodeIso2022(
  bytes: Uint8Array,
  sets: ResolvedCharacterSets,
  isPersonName: boolean,
  warnings: string[],
): string {
  const { initialG0, initialG1 } = sets;
  let g0: G0Set = initialG0;
  let g1: G1Set = initialG1;
  const parts: string[] = [];
  const n = bytes.length;
  let runStart = 0; // start of the pending run while G0 holds a single-byte set
  let i = 0;

  const flush = (end: number): void => {
    if (end > runStart) parts.push(decodeRun(bytes.subarray(runStart, end), g1, warnings));
  };

  while (i < n) {
    const b = bytes[i]!;
    if (b === ESC) {
      flush(i);
      const seq = matchEscape(bytes, i);
      if (seq === undefined) {
        warnOnce(warnings, unknownEscapeMessage(sets));
        g0 = initialG0;
        g1 = initialG1;
        parts.push('\x1b');
        i += 1;
      } else {
        checkEscape(seq, sets, warnings);
        if (seq.g0 !== undefined) g0 = seq.g0;
        if (seq.g1 !== undefined) g1 = seq.g1;
        i += seq.bytes.length;
      }
      runStart = i;
      continue;
    }

    if (g0 === 'jis-x0208' || g0 === 'jis-x0212') {
      if (b >= 0x21 && b <= 0x7e) {
        const b2 = bytes[i + 1];
        const paired = b2 !== undefined && b2 >= 0x21 && b2 <= 0x7e;
        const u = paired ? lookupPair(doubleByteTable(g0), b, b2) : 0;
        if (u === 0) warnOnce(warnings, failedMessage(DOUBLE_BYTE_NAMES[g0]));
        parts.push(String.fromCharCode(u || REPLACEMENT));
        i += paired ? 2 : 1;
      } else if (b >= 0x80) {
        let j = i + 1;
        while (j < n && bytes[j]! >= 0x80) j++;
        parts.push(decodeRun(bytes.subarray(i, j), g1, warnings));
        i = j;
      } else {
        // SPACE, DEL or a control character
        if (isResetControl(b)) {
          g0 = initialG0;
          g1 = initialG1;
        }
        parts.push(String.fromCharCode(b));
        i += 1;
      }
      runStart = i;
      continue;
    }

    if (isDelimiter(b, isPersonName) && (g0 !== initialG0 || g1 !== initialG1)) {
      flush(i);
      g0 = initialG0;
      g1 = initialG1;
      runStart = i; // the delimiter itself opens the next run
    }
    i += 1;
  }
  flush(n);
  return parts.join('');
}
