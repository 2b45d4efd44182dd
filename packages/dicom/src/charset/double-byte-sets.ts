/**
 * The 94x94 double-byte sets of the ISO 2022 code extensions: JIS X 0208 (ISO 2022 IR 87), JIS X 0212
 * (ISO 2022 IR 159), KS X 1001 (ISO 2022 IR 149) and GB 2312 (ISO 2022 IR 58).
 *
 * Each table is built once, on first use, by running the platform's EUC decoder over every row/cell, then
 * corrected where the WHATWG/ICU mapping differs from the standard mapping that Python (and so pydicom) uses.
 * Decoding keeps the vendor extensions the platform knows (e.g. NEC row 13 in JIS X 0208: the circled digits)
 * because real data contains them; encoding only uses the code points the standards define.
 */

export type DoubleByteSet = 'jis-x0208' | 'jis-x0212' | 'ks-x1001' | 'gb2312';

interface SetSpec {
  /** The WHATWG decoder whose EUC form contains the set. */
  readonly label: string;
  /** Bytes before the two EUC bytes (0x8F: JIS X 0212 in EUC-JP). */
  readonly prefix: readonly number[];
  /** 7-bit code (row byte << 8 | cell byte) -> code point, where the standard mapping differs. */
  readonly overrides: Readonly<Record<number, number>>;
  /** 7-bit codes the platform maps but the standard set does not define: decoded, never encoded. */
  readonly extension: (code: number) => boolean;
}

const SPECS: Readonly<Record<DoubleByteSet, SetSpec>> = {
  'jis-x0208': {
    label: 'euc-jp',
    prefix: [],
    // WHATWG's index follows Microsoft's cp932 for these; JIS X 0208 (and Python) use the ones below
    overrides: { 0x2141: 0x301c, 0x2142: 0x2016, 0x215d: 0x2212, 0x2171: 0x00a2, 0x2172: 0x00a3, 0x224c: 0x00ac },
    // row 13: NEC special characters; rows 89-92: IBM extensions
    extension: (code) => code >> 8 === 0x2d || code >> 8 >= 0x79,
  },
  'jis-x0212': {
    label: 'euc-jp',
    prefix: [0x8f],
    overrides: { 0x2237: 0x007e },
    extension: (code) => code >> 8 === 0x73,
  },
  'ks-x1001': {
    label: 'euc-kr',
    prefix: [],
    // KS X 1001:1998 added the euro and registered signs
    overrides: { 0x2266: 0x20ac, 0x2267: 0x00ae },
    // the Hangul filler only exists in eight-byte composition sequences
    extension: (code) => code === 0x2454,
  },
  'gb2312': {
    label: 'gbk',
    prefix: [],
    overrides: { 0x2124: 0x30fb, 0x212a: 0x2015 },
    // GBK additions inside the GB 2312 rows
    extension: (code) =>
      (code >= 0x2221 && code <= 0x222a) ||
      (code >= 0x2660 && code <= 0x2675) ||
      code === 0x283b ||
      code === 0x283d ||
      code === 0x283e ||
      code === 0x2840,
  },
};

const tables = new Map<DoubleByteSet, Uint16Array>();
const reverses = new Map<DoubleByteSet, Map<number, number>>();

/** Row-major table of 94*94 code units, indexed by (row - 0x21) * 94 + (cell - 0x21); 0 = unmapped. */
export function doubleByteTable(set: DoubleByteSet): Uint16Array {
  let table = tables.get(set);
  if (table !== undefined) return table;
  const spec = SPECS[set];
  const width = spec.prefix.length + 3;
  const bytes = new Uint8Array(94 * 94 * width);
  let k = 0;
  for (let r = 0; r < 94; r++) {
    for (let c = 0; c < 94; c++) {
      for (const p of spec.prefix) bytes[k++] = p;
      bytes[k++] = 0xa1 + r;
      bytes[k++] = 0xa1 + c;
      bytes[k++] = 0x0a; // separator, so every cell can be told apart whatever the decoder does with it
    }
  }
  const cells = new TextDecoder(spec.label).decode(bytes).split('\n');
  if (cells.length !== 94 * 94 + 1) throw new Error(`internal: cannot tabulate ${set} with ${spec.label}`);
  table = new Uint16Array(94 * 94);
  for (let i = 0; i < 94 * 94; i++) {
    const s = cells[i]!;
    if (s.length !== 1) continue;
    const u = s.charCodeAt(0);
    // unmapped, or a private-use (user-defined area) mapping
    if (u === 0xfffd || (u >= 0xe000 && u <= 0xf8ff)) continue;
    table[i] = u;
  }
  for (const [code, cp] of Object.entries(spec.overrides)) {
    const c = Number(code);
    table[((c >> 8) - 0x21) * 94 + ((c & 0xff) - 0x21)] = cp;
  }
  tables.set(set, table);
  return table;
}

/** The code unit for the 7-bit pair (b1, b2), both 0x21-0x7E, or 0 when unmapped. */
export function lookupPair(table: Uint16Array, b1: number, b2: number): number {
  return table[(b1 - 0x21) * 94 + (b2 - 0x21)]!;
}

/** The 7-bit code (b1 << 8 | b2) of `cp` in the standard set, or undefined. */
export function encodeDoubleByte(set: DoubleByteSet, cp: number): number | undefined {
  let map = reverses.get(set);
  if (map === undefined) {
    map = new Map();
    const table = doubleByteTable(set);
    const spec = SPECS[set];
    for (let i = 0; i < 94 * 94; i++) {
      const u = table[i]!;
      if (u === 0) continue;
      const code = ((Math.floor(i / 94) + 0x21) << 8) | ((i % 94) + 0x21);
      if (spec.extension(code) || map.has(u)) continue;
      map.set(u, code);
    }
    reverses.set(set, map);
  }
  return map.get(cp);
}
