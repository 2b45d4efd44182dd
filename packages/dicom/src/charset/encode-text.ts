/**
 * Encoding of text values for writing under Specific Character Set (0008,0005).
 *
 * ISO 2022 values are written as PS3.5 6.1.2.5 asks and as pydicom does it: each character goes to the first
 * set (current G0/G1, then value 1, then the other values in order) that has it, escape sequences are written
 * only when a designation changes, and before every delimiter ('\', CR, LF, FF, TAB, and '^' and '=' in person
 * names) and at the end of the value G0 returns to the set of value 1 (G1 needs no escape: delimiters reset it).
 * This reproduces the examples of PS3.5 Annexes H, I and K byte for byte.
 */
import type { G0Set, G1Set } from './code-elements.js';
import { G0_ESCAPE, g1Escape, isDoubleByteG0 } from './code-elements.js';
import type { ResolvedCharacterSets } from './character-sets.js';
import { resolveCharacterSets } from './character-sets.js';
import { describeChar, hasLoneSurrogate } from './code-units.js';
import { encodeDoubleByte } from './double-byte-sets.js';
import { encodeGb18030 } from './gb18030.js';
import { encodeKatakana } from './jis-x0201.js';
import { encodeSingleByteG1 } from './single-byte-sets.js';

const utf8 = new TextEncoder();

/** The bytes of `cp` in a G0 set (0x21-0x7E each), or undefined. */
function encodeG0(set: G0Set, cp: number): number[] | undefined {
  if (set === 'ascii' || set === 'jis-roman') return cp >= 0x21 && cp <= 0x7e ? [cp] : undefined;
  const code = encodeDoubleByte(set, cp);
  return code === undefined ? undefined : [code >> 8, code & 0xff];
}

/** The bytes of `cp` in a G1 set (0xA0-0xFF each), or undefined. */
function encodeG1(set: G1Set, cp: number): number[] | undefined {
  switch (set) {
    case 'latin1-default':
    case 'none':
      return undefined;
    case 'jis-x0201-katakana': {
      const b = encodeKatakana(cp);
      return b === undefined ? undefined : [b];
    }
    case 'ks-x1001':
    case 'gb2312': {
      const code = encodeDoubleByte(set, cp);
      return code === undefined ? undefined : [(code >> 8) | 0x80, (code & 0xff) | 0x80];
    }
    default: {
      const b = encodeSingleByteG1(set, cp);
      return b === undefined ? undefined : [b];
    }
  }
}

function isDelimiter(cp: number, isPersonName: boolean): boolean {
  return cp < 0x20 || cp === 0x5c || (isPersonName && (cp === 0x5e || cp === 0x3d));
}

function encodeIso2022(
  text: string,
  sets: ResolvedCharacterSets,
  isPersonName: boolean,
  characterSets: readonly string[],
): Uint8Array {
  const { initialG0, initialG1 } = sets;
  // after the sets in use, the sets of value 1, then those of the other values in order
  const candidates: Array<{ g0: G0Set } | { g1: G1Set }> = [{ g0: initialG0 }, { g1: initialG1 }];
  for (const t of sets.terms) {
    if (t.g0 !== undefined) candidates.push({ g0: t.g0 });
    if (t.g1 !== undefined) candidates.push({ g1: t.g1 });
  }
  const out: number[] = [];
  let g0 = initialG0;
  let g1 = initialG1;
  const setG0 = (set: G0Set): void => {
    if (set !== g0) out.push(...G0_ESCAPE[set]);
    g0 = set;
  };
  const setG1 = (set: G1Set): void => {
    if (set !== g1) out.push(...(g1Escape(set) ?? []));
    g1 = set;
  };
  const fail = (cp: number): never => {
    throw new Error(`Cannot encode ${describeChar(cp)} with Specific Character Set ${JSON.stringify(characterSets)}`);
  };

  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x1b) fail(cp); // would be read as an escape sequence
    if (cp <= 0x20 || cp === 0x7f) {
      // SPACE, DEL and controls need a single-byte G0 to be read as such
      if (isDelimiter(cp, isPersonName)) {
        setG0(initialG0);
        g1 = initialG1; // implicit: the reader resets G1 at the delimiter
      } else if (isDoubleByteG0(g0)) setG0(initialG0);
      out.push(cp);
      continue;
    }
    if (isDelimiter(cp, isPersonName)) {
      setG0(initialG0);
      g1 = initialG1;
      out.push(cp);
      continue;
    }
    let bytes = encodeG0(g0, cp);
    if (bytes === undefined) bytes = encodeG1(g1, cp);
    for (let k = 0; bytes === undefined && k < candidates.length; k++) {
      const c = candidates[k]!;
      if ('g0' in c) {
        bytes = encodeG0(c.g0, cp);
        if (bytes !== undefined) setG0(c.g0);
      } else {
        bytes = encodeG1(c.g1, cp);
        if (bytes !== undefined) setG1(c.g1);
      }
    }
    if (bytes === undefined) return fail(cp);
    out.push(...bytes);
  }
  setG0(initialG0);
  return Uint8Array.from(out);
}

/**
 * Encodes text for writing (needed later by de-identification): UTF-8 for ISO_IR 192, latin1 etc. for
 * single-byte sets; ISO 2022 encodings may use the code extension escapes as pydicom does. Throws a plain
 * Error if a character cannot be represented. The default repertoire is ASCII only (pydicom would write
 * Latin-1 bytes there, which no reader may assume).
 */
export function encodeText(text: string, characterSets: readonly string[], isPersonName: boolean): Uint8Array {
  if (hasLoneSurrogate(text)) throw new Error('Cannot encode a string holding a lone surrogate');
  const sets = resolveCharacterSets(characterSets);
  switch (sets.standalone) {
    case 'utf-8':
      return utf8.encode(text);
    case 'gb18030':
      return encodeGb18030(text, false, describeChar);
    case 'gbk':
      return encodeGb18030(text, true, describeChar);
    case undefined:
      return encodeIso2022(text, sets, isPersonName, characterSets);
  }
}
