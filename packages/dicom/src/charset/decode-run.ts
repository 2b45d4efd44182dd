/**
 * Decoding of one run of bytes in a fixed state: G0 holding a single-byte set (ASCII or JIS X 0201 Romaji,
 * which decode alike) and a given G1 set. The run contains no ESC.
 */
import type { DoubleByteG1Set, G1Set } from './code-elements.js';
import { REPLACEMENT, fromCodeUnits, latin1, warnOnce } from './code-units.js';
import { doubleByteTable, lookupPair } from './double-byte-sets.js';
import { decodeJisX0201 } from './jis-x0201.js';
import { decodeSingleByte } from './single-byte-sets.js';

const G1_NAMES: Readonly<Record<G1Set, string>> = {
  'latin1-default': 'the default repertoire',
  none: 'a G0-only character set (no bytes above 0x7F)',
  'iso-ir-100': 'ISO_IR 100 (ISO 8859-1)',
  'iso-ir-101': 'ISO_IR 101 (ISO 8859-2)',
  'iso-ir-109': 'ISO_IR 109 (ISO 8859-3)',
  'iso-ir-110': 'ISO_IR 110 (ISO 8859-4)',
  'iso-ir-126': 'ISO_IR 126 (ISO 8859-7)',
  'iso-ir-127': 'ISO_IR 127 (ISO 8859-6)',
  'iso-ir-138': 'ISO_IR 138 (ISO 8859-8)',
  'iso-ir-144': 'ISO_IR 144 (ISO 8859-5)',
  'iso-ir-148': 'ISO_IR 148 (ISO 8859-9)',
  'iso-ir-166': 'ISO_IR 166 (TIS 620-2533)',
  'jis-x0201-katakana': 'ISO_IR 13 (JIS X 0201)',
  'ks-x1001': 'ISO 2022 IR 149 (KS X 1001)',
  gb2312: 'ISO 2022 IR 58 (GB 2312)',
};

export function failedMessage(setName: string): string {
  return `Failed to decode byte string with ${setName} - using replacement characters in decoded string`;
}

export function describeG1(set: G1Set): string {
  return G1_NAMES[set];
}

/** ASCII in G0, a 94x94 set in G1: pairs of bytes 0xA1-0xFE. */
function decodeEucPairs(bytes: Uint8Array, set: DoubleByteG1Set): string {
  const table = doubleByteTable(set);
  const units = new Uint16Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      units[n++] = b;
      continue;
    }
    const b2 = bytes[i + 1];
    if (b >= 0xa1 && b <= 0xfe && b2 !== undefined && b2 >= 0xa1 && b2 <= 0xfe) {
      units[n++] = lookupPair(table, b & 0x7f, b2 & 0x7f) || REPLACEMENT;
      i++;
    } else units[n++] = REPLACEMENT;
  }
  return fromCodeUnits(units, n);
}

function decodeAsciiOnly(bytes: Uint8Array): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b < 0x80 ? b : REPLACEMENT;
  }
  return fromCodeUnits(units);
}

/** Decodes a run (no ESC inside) with a single-byte G0 set and `g1`; adds a warning if bytes were undecodable. */
export function decodeRun(bytes: Uint8Array, g1: G1Set, warnings: string[]): string {
  let text: string;
  switch (g1) {
    case 'latin1-default':
    case 'iso-ir-100':
      return latin1(bytes);
    case 'none':
      text = decodeAsciiOnly(bytes);
      break;
    case 'jis-x0201-katakana':
      text = decodeJisX0201(bytes);
      break;
    case 'ks-x1001':
    case 'gb2312':
      text = decodeEucPairs(bytes, g1);
      break;
    default:
      text = decodeSingleByte(bytes, g1);
  }
  // none of these sets contains U+FFFD, so any in the text marks undecodable bytes
  if (text.includes('\ufffd')) warnOnce(warnings, failedMessage(G1_NAMES[g1]));
  return text;
}
