/** Value Representations of PS3.5 section 6.2. */
export const VRS = [
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL', 'OV',
  'OW', 'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US', 'UT', 'UV',
] as const;

export type VR = (typeof VRS)[number];

const CODES = new Map<number, VR>(VRS.map((vr) => [(vr.charCodeAt(0) << 8) | vr.charCodeAt(1), vr]));

/** The VR spelled by two bytes of an explicit VR header, or undefined when they spell none. */
export function vrFromBytes(b0: number, b1: number): VR | undefined {
  return CODES.get((b0 << 8) | b1);
}

export function isVR(text: string): text is VR {
  return text.length === 2 && CODES.has((text.charCodeAt(0) << 8) | text.charCodeAt(1));
}

/** VRs whose explicit VR header has 2 reserved bytes and a 32-bit length (PS3.5 7.1.2). */
const LONG_HEADER = new Set<VR>(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

export function hasLongHeader(vr: VR): boolean {
  return LONG_HEADER.has(vr);
}

/** Size of the numeric unit that changes byte order between little and big endian; 1 for byte and text VRs. */
export function byteSwapUnit(vr: VR): 1 | 2 | 4 | 8 {
  switch (vr) {
    case 'US': case 'SS': case 'OW': case 'AT':
      return 2;
    case 'UL': case 'SL': case 'FL': case 'OF': case 'OL':
      return 4;
    case 'FD': case 'OD': case 'SV': case 'UV': case 'OV':
      return 8;
    default:
      return 1;
  }
}

/** VRs whose value is raw bytes rather than text or numbers. */
const BINARY = new Set<VR>(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

export function isBinaryVR(vr: VR): boolean {
  return BINARY.has(vr);
}

/** VRs affected by Specific Character Set (PS3.5 6.1.2.3). */
const CHARSET_TEXT = new Set<VR>(['SH', 'LO', 'ST', 'LT', 'PN', 'UC', 'UT']);

export function usesCharacterSet(vr: VR): boolean {
  return CHARSET_TEXT.has(vr);
}

/** Text VRs that hold a single value: a backslash in them is not a separator. */
const SINGLE_VALUED_TEXT = new Set<VR>(['LT', 'ST', 'UT', 'UR']);

export function isMultiValuedText(vr: VR): boolean {
  return !SINGLE_VALUED_TEXT.has(vr);
}

export function isTextVR(vr: VR): boolean {
  return !BINARY.has(vr) && byteSwapUnit(vr) === 1 && vr !== 'SQ';
}

/** The byte used to pad a value to even length: NUL for UI and byte VRs, space for text. */
export function paddingByte(vr: VR): number {
  return vr === 'UI' || vr === 'OB' || vr === 'UN' ? 0x00 : 0x20;
}
