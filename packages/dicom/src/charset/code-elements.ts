/**
 * The ISO/IEC 2022 code elements (graphic character sets) that the DICOM Specific Character Set terms
 * designate (PS3.3 Tables C.12-2 to C.12-4), their escape sequences, and the escape sequence parser.
 */

/** Sets invoked in G0 (bytes 0x21-0x7E). The last two are 94x94 double-byte sets. */
export type G0Set = 'ascii' | 'jis-roman' | 'jis-x0208' | 'jis-x0212';

/** ISO 8859 / TIS-620 upper halves invoked in G1 (bytes 0xA0-0xFF). */
export type SingleByteG1Set =
  | 'iso-ir-100'
  | 'iso-ir-101'
  | 'iso-ir-109'
  | 'iso-ir-110'
  | 'iso-ir-126'
  | 'iso-ir-127'
  | 'iso-ir-138'
  | 'iso-ir-144'
  | 'iso-ir-148'
  | 'iso-ir-166';

/** 94x94 double-byte sets invoked in G1 (both bytes 0xA1-0xFE). */
export type DoubleByteG1Set = 'ks-x1001' | 'gb2312';

/**
 * Sets invoked in G1 (bytes 0x80-0xFF), plus two pseudo sets:
 * `latin1-default` is the upper half of the default repertoire: DICOM defines none, but pydicom (and so this
 * module) decodes such bytes as ISO 8859-1; nothing is ever encoded into it.
 * `none` means no G1 set at all: bytes 0x80-0xFF are undecodable (value 1 is a G0-only multi-byte set).
 */
export type G1Set = 'latin1-default' | 'none' | SingleByteG1Set | 'jis-x0201-katakana' | DoubleByteG1Set;

export const ESC = 0x1b;

/** One escape sequence that designates a set into G0 or G1. */
export interface EscapeSequence {
  readonly bytes: readonly number[];
  /** Printable form, e.g. "ESC $ B". */
  readonly name: string;
  readonly g0?: G0Set;
  readonly g1?: G1Set;
  /** The DICOM term that declares this code element, for messages. */
  readonly term: string;
  /** False for sequences DICOM does not define but that are unambiguous (ESC $ @, JIS C 6226-1978). */
  readonly dicom: boolean;
}

function esc(text: string, target: { g0?: G0Set; g1?: G1Set }, term: string, dicom = true): EscapeSequence {
  const bytes = [ESC, ...Array.from(text, (c) => c.charCodeAt(0))];
  return { bytes, name: 'ESC ' + text.split('').join(' '), ...target, term, dicom };
}

/** Every escape sequence the decoder understands (PS3.3 Tables C.12-3 and C.12-4). */
export const ESCAPE_SEQUENCES: readonly EscapeSequence[] = [
  esc('(B', { g0: 'ascii' }, 'ISO 2022 IR 6'),
  esc('(J', { g0: 'jis-roman' }, 'ISO 2022 IR 13'),
  esc(')I', { g1: 'jis-x0201-katakana' }, 'ISO 2022 IR 13'),
  esc('$B', { g0: 'jis-x0208' }, 'ISO 2022 IR 87'),
  esc('$@', { g0: 'jis-x0208' }, 'ISO 2022 IR 87', false),
  esc('$(D', { g0: 'jis-x0212' }, 'ISO 2022 IR 159'),
  esc('$)C', { g1: 'ks-x1001' }, 'ISO 2022 IR 149'),
  esc('$)A', { g1: 'gb2312' }, 'ISO 2022 IR 58'),
  esc('-A', { g1: 'iso-ir-100' }, 'ISO 2022 IR 100'),
  esc('-B', { g1: 'iso-ir-101' }, 'ISO 2022 IR 101'),
  esc('-C', { g1: 'iso-ir-109' }, 'ISO 2022 IR 109'),
  esc('-D', { g1: 'iso-ir-110' }, 'ISO 2022 IR 110'),
  esc('-F', { g1: 'iso-ir-126' }, 'ISO 2022 IR 126'),
  esc('-G', { g1: 'iso-ir-127' }, 'ISO 2022 IR 127'),
  esc('-H', { g1: 'iso-ir-138' }, 'ISO 2022 IR 138'),
  esc('-L', { g1: 'iso-ir-144' }, 'ISO 2022 IR 144'),
  esc('-M', { g1: 'iso-ir-148' }, 'ISO 2022 IR 148'),
  esc('-T', { g1: 'iso-ir-166' }, 'ISO 2022 IR 166'),
];

/** The escape sequence that designates each G0 set (used when encoding). */
export const G0_ESCAPE: Readonly<Record<G0Set, readonly number[]>> = {
  ascii: [ESC, 0x28, 0x42],
  'jis-roman': [ESC, 0x28, 0x4a],
  'jis-x0208': [ESC, 0x24, 0x42],
  'jis-x0212': [ESC, 0x24, 0x28, 0x44],
};

/** The escape sequence that designates each real G1 set (used when encoding). */
export function g1Escape(set: G1Set): readonly number[] | undefined {
  return ESCAPE_SEQUENCES.find((e) => e.g1 === set)?.bytes;
}

export function isDoubleByteG0(set: G0Set): boolean {
  return set === 'jis-x0208' || set === 'jis-x0212';
}

/** The escape sequence starting at `bytes[at]` (which is ESC), or undefined if it is not one of ours. */
export function matchEscape(bytes: Uint8Array, at: number): EscapeSequence | undefined {
  for (const seq of ESCAPE_SEQUENCES) {
    const s = seq.bytes;
    if (at + s.length > bytes.length) continue;
    let ok = true;
    for (let k = 1; k < s.length; k++) {
      if (bytes[at + k] !== s[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return seq;
  }
  return undefined;
}
