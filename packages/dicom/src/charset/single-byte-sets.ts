/**
 * The single-byte character sets: ISO 646 (bytes 0x00-0x7F) plus an ISO 8859 or TIS-620 upper half
 * (ISO_IR 100 ... ISO_IR 166). Each decodes with one native call where the platform has a faithful decoder.
 */
import type { SingleByteG1Set } from './code-elements.js';
import { REPLACEMENT, fromCodeUnits, latin1 } from './code-units.js';

/**
 * WHATWG labels whose decoders are the true ISO 8859 parts (checked byte for byte against Python's codecs).
 * Latin-1, Latin-5 and TIS-620 are missing on purpose: WHATWG maps those labels to windows-1252, windows-1254
 * and windows-874, which differ in 0x80-0x9F (and TIS-620 in 0xA0, 0xDB-0xDE, 0xFC-0xFF).
 */
const WHATWG_LABEL: Partial<Record<SingleByteG1Set, string>> = {
  'iso-ir-101': 'iso-8859-2',
  'iso-ir-109': 'iso-8859-3',
  'iso-ir-110': 'iso-8859-4',
  'iso-ir-126': 'iso-8859-7',
  'iso-ir-127': 'iso-8859-6',
  'iso-ir-138': 'iso-8859-8',
  'iso-ir-144': 'iso-8859-5',
};

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
const upperHalves = new Map<SingleByteG1Set, Uint16Array>();
const reverse = new Map<SingleByteG1Set, Map<number, number>>();

function decoderFor(label: string): InstanceType<typeof TextDecoder> {
  let d = decoders.get(label);
  if (d === undefined) {
    d = new TextDecoder(label);
    decoders.set(label, d);
  }
  return d;
}

/** Code units for bytes 0x80-0xFF (U+FFFD where the set leaves a byte undefined). */
export function upperHalf(set: SingleByteG1Set): Uint16Array {
  let table = upperHalves.get(set);
  if (table !== undefined) return table;
  table = new Uint16Array(128);
  for (let i = 0; i < 128; i++) table[i] = 0x80 + i; // ISO 8859-1; C1 controls map to themselves
  const label = WHATWG_LABEL[set];
  if (label !== undefined) {
    const bytes = Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i);
    const text = decoderFor(label).decode(bytes);
    if (text.length !== 128) throw new Error(`internal: ${label} did not decode one code unit per byte`);
    for (let i = 0; i < 128; i++) table[i] = text.charCodeAt(i);
  } else if (set === 'iso-ir-148') {
    // ISO 8859-9 (Latin-5) differs from Latin-1 in six positions
    const turkish: Record<number, number> = {
      0xd0: 0x11e,
      0xdd: 0x130,
      0xde: 0x15e,
      0xf0: 0x11f,
      0xfd: 0x131,
      0xfe: 0x15f,
    };
    for (const [byte, cp] of Object.entries(turkish)) table[Number(byte) - 0x80] = cp;
  } else if (set === 'iso-ir-166') {
    // TIS-620: Thai letters at 0xA1-0xDA and 0xDF-0xFB; 0xA0, 0xDB-0xDE and 0xFC-0xFF are undefined
    for (let b = 0xa0; b <= 0xff; b++) {
      const defined = (b >= 0xa1 && b <= 0xda) || (b >= 0xdf && b <= 0xfb);
      table[b - 0x80] = defined ? 0x0e00 + (b - 0xa0) : REPLACEMENT;
    }
  }
  upperHalves.set(set, table);
  return table;
}

/** Decodes bytes of a single-byte set (ISO 646 lower half + the set's upper half). */
export function decodeSingleByte(bytes: Uint8Array, set: SingleByteG1Set): string {
  if (set === 'iso-ir-100') return latin1(bytes);
  const label = WHATWG_LABEL[set];
  if (label !== undefined) return decoderFor(label).decode(bytes);
  const table = upperHalf(set);
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i] = b < 0x80 ? b : table[b - 0x80]!;
  }
  return fromCodeUnits(units);
}

/** The G1 byte (0xA0-0xFF) that encodes `cp` in `set`, or undefined. C1 controls are never encoded. */
export function encodeSingleByteG1(set: SingleByteG1Set, cp: number): number | undefined {
  let map = reverse.get(set);
  if (map === undefined) {
    map = new Map();
    const table = upperHalf(set);
    for (let b = 0xa0; b <= 0xff; b++) {
      const u = table[b - 0x80]!;
      if (u !== REPLACEMENT && !map.has(u)) map.set(u, b);
    }
    reverse.set(set, map);
  }
  return map.get(cp);
}
