/**
 * JIS X 0201 (ISO_IR 13 / ISO 2022 IR 13): Romaji in G0 (ISO-IR 14) and half-width katakana in G1 (ISO-IR 13).
 *
 * Romaji 0x5C and 0x7E are decoded as '\' and '~' (not YEN SIGN and OVERLINE), as Python's shift_jis codec and
 * pydicom do; 0x5C is DICOM's value delimiter whatever glyph it has. Like pydicom (which uses shift_jis), Shift_JIS
 * double-byte characters are accepted too, through the JIS X 0208 table: not part of ISO_IR 13, but data labelled
 * ISO_IR 13 often holds them. The platform's shift_jis decoder is not used: ICU's swaps 0x1A, 0x1C and 0x7F.
 */
import { doubleByteTable } from './double-byte-sets.js';
import { REPLACEMENT, fromCodeUnits } from './code-units.js';

const HALF_WIDTH_KATAKANA = 0xff61; // byte 0xA1

function isLead(b: number): boolean {
  return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
}

function isTrail(b: number): boolean {
  return b >= 0x40 && b <= 0xfc && b !== 0x7f;
}

/** The JIS X 0208 code unit of a Shift_JIS pair, or 0 when unmapped (user-defined rows included). */
function shiftJisPair(lead: number, trail: number): number {
  const pair = lead <= 0x9f ? lead - 0x81 : lead - 0xc1; // each lead byte covers two JIS rows
  let row: number;
  let cell: number;
  if (trail >= 0x9f) {
    row = 2 * pair + 1;
    cell = trail - 0x9f;
  } else {
    row = 2 * pair;
    cell = trail - 0x40 - (trail >= 0x80 ? 1 : 0);
  }
  if (row >= 94) return 0;
  return doubleByteTable('jis-x0208')[row * 94 + cell]!;
}

/** Decodes bytes of JIS X 0201 (both halves), with Shift_JIS double-byte characters accepted. */
export function decodeJisX0201(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) units[n++] = b;
    else if (b >= 0xa1 && b <= 0xdf) units[n++] = HALF_WIDTH_KATAKANA + (b - 0xa1);
    else if (isLead(b) && i + 1 < bytes.length && isTrail(bytes[i + 1]!)) {
      units[n++] = shiftJisPair(b, bytes[i + 1]!) || REPLACEMENT;
      i++;
    } else units[n++] = REPLACEMENT;
  }
  return fromCodeUnits(units, n);
}

/** The G1 byte of a half-width katakana character, or undefined. */
export function encodeKatakana(cp: number): number | undefined {
  const offset = cp - HALF_WIDTH_KATAKANA;
  return offset >= 0 && offset <= 0xdf - 0xa1 ? 0xa1 + offset : undefined;
}
