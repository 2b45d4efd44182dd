/**
 * The DICOM defined terms of Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2) and how a list of them
 * resolves to an initial state, the declared code elements and warnings, the way pydicom's
 * `convert_encodings` does (misspelling patches, unknown terms -> default repertoire, stand-alone sets).
 */
import type { G0Set, G1Set } from './code-elements.js';

export type StandaloneEncoding = 'utf-8' | 'gb18030' | 'gbk';

export interface CharacterSetTerm {
  /** The defined term, e.g. "ISO 2022 IR 87". */
  readonly term: string;
  readonly description: string;
  /** True for the "ISO 2022 ..." terms (code extensions allowed). */
  readonly codeExtensions: boolean;
  /** Set for ISO_IR 192, GB18030 and GBK, which are whole encodings rather than ISO 2022 code elements. */
  readonly standalone?: StandaloneEncoding;
  /** The set this term designates to G0 (for value 1: the set invoked initially). */
  readonly g0?: G0Set;
  /** The set this term designates to G1. */
  readonly g1?: G1Set;
}

function term(
  t: string,
  description: string,
  sets: { g0?: G0Set; g1?: G1Set; standalone?: StandaloneEncoding },
): CharacterSetTerm {
  return { term: t, description, codeExtensions: t.startsWith('ISO 2022'), ...sets };
}

const ASCII_DESCRIPTION = 'Default repertoire (ISO-IR 6, ASCII)';
const DEFAULT: CharacterSetTerm = term('', ASCII_DESCRIPTION, { g0: 'ascii', g1: 'latin1-default' });

const SINGLE_BYTE: ReadonlyArray<[number, G1Set, string]> = [
  [100, 'iso-ir-100', 'Latin alphabet No. 1 (ISO 8859-1)'],
  [101, 'iso-ir-101', 'Latin alphabet No. 2 (ISO 8859-2)'],
  [109, 'iso-ir-109', 'Latin alphabet No. 3 (ISO 8859-3)'],
  [110, 'iso-ir-110', 'Latin alphabet No. 4 (ISO 8859-4)'],
  [144, 'iso-ir-144', 'Cyrillic (ISO 8859-5)'],
  [127, 'iso-ir-127', 'Arabic (ISO 8859-6)'],
  [126, 'iso-ir-126', 'Greek (ISO 8859-7)'],
  [138, 'iso-ir-138', 'Hebrew (ISO 8859-8)'],
  [148, 'iso-ir-148', 'Latin alphabet No. 5 (ISO 8859-9)'],
  [166, 'iso-ir-166', 'Thai (TIS 620-2533)'],
];

const JIS_X0201_DESCRIPTION = 'Japanese JIS X 0201 (Romaji and half-width katakana)';

/** Every defined term, by term. */
export const CHARACTER_SETS: ReadonlyMap<string, CharacterSetTerm> = new Map(
  [
    { ...DEFAULT },
    term('ISO_IR 6', ASCII_DESCRIPTION, { g0: 'ascii', g1: 'latin1-default' }),
    term('ISO 2022 IR 6', ASCII_DESCRIPTION, { g0: 'ascii', g1: 'latin1-default' }),
    ...SINGLE_BYTE.flatMap(([ir, g1, d]) => [
      term(`ISO_IR ${ir}`, d, { g0: 'ascii', g1 }),
      term(`ISO 2022 IR ${ir}`, d, { g0: 'ascii', g1 }),
    ]),
    term('ISO_IR 13', JIS_X0201_DESCRIPTION, { g0: 'jis-roman', g1: 'jis-x0201-katakana' }),
    term('ISO 2022 IR 13', JIS_X0201_DESCRIPTION, { g0: 'jis-roman', g1: 'jis-x0201-katakana' }),
    term('ISO 2022 IR 87', 'Japanese JIS X 0208 (kanji, kana)', { g0: 'jis-x0208' }),
    term('ISO 2022 IR 159', 'Japanese JIS X 0212 (supplementary kanji)', { g0: 'jis-x0212' }),
    term('ISO 2022 IR 149', 'Korean KS X 1001 (Hangul and Hanja)', { g1: 'ks-x1001' }),
    term('ISO 2022 IR 58', 'Simplified Chinese GB 2312', { g1: 'gb2312' }),
    term('ISO_IR 192', 'Unicode in UTF-8', { standalone: 'utf-8' }),
    term('GB18030', 'Chinese GB 18030', { standalone: 'gb18030' }),
    term('GBK', 'Chinese GBK', { standalone: 'gbk' }),
  ].map((t) => [t.term, t]),
);

/**
 * Python codec names that pydicom accepts silently as (0008,0005) values (it passes unknown terms to Python's
 * codec registry); the common ones are understood here too, with a warning since they are not DICOM terms.
 * Keys are normalized: lower case, '-' and ' ' replaced by '_'.
 */
const PYTHON_CODEC_ALIASES: ReadonlyMap<string, CharacterSetTerm> = (() => {
  const m = new Map<string, CharacterSetTerm>();
  const add = (names: string[], t: CharacterSetTerm): void => {
    for (const n of names) m.set(n, t);
  };
  const dicom = (t: string): CharacterSetTerm => CHARACTER_SETS.get(t)!;
  add(['utf_8', 'utf8', 'u8', 'utf'], dicom('ISO_IR 192'));
  add(
    ['latin_1', 'latin1', 'latin', 'l1', 'iso8859', '8859', 'cp819', 'iso8859_1', 'iso_8859_1', 'iso_ir_100'],
    dicom('ISO_IR 100'),
  );
  add(['ascii', 'us_ascii', '646', 'us', 'iso_ir_6'], term('ascii', 'ASCII only', { g0: 'ascii', g1: 'none' }));
  const parts: Array<[number, number, string[]]> = [
    [101, 2, ['latin2', 'l2']],
    [109, 3, ['latin3', 'l3']],
    [110, 4, ['latin4', 'l4']],
    [144, 5, ['cyrillic']],
    [127, 6, ['arabic']],
    [126, 7, ['greek', 'greek8']],
    [138, 8, ['hebrew']],
    [148, 9, ['latin5', 'l5']],
  ];
  for (const [ir, part, extra] of parts) {
    add([`iso8859_${part}`, `iso_8859_${part}`, `iso_ir_${ir}`, ...extra], dicom(`ISO_IR ${ir}`));
  }
  add(['tis_620', 'tis620', 'tis_620_0', 'tis_620_2529_0', 'tis_620_2529_1', 'iso_ir_166'], dicom('ISO_IR 166'));
  add(['shift_jis', 'shiftjis', 'sjis', 's_jis', 'csshiftjis'], dicom('ISO_IR 13'));
  add(
    ['euc_kr', 'euckr', 'korean', 'ksc5601', 'ks_c_5601', 'ks_c_5601_1987', 'ks_x_1001'],
    term('euc_kr', 'Korean EUC-KR', { g0: 'ascii', g1: 'ks-x1001' }),
  );
  add(
    ['gb2312', 'euc_cn', 'euccn', 'chinese', 'csiso58gb231280', 'iso_ir_58', 'eucgb2312_cn', 'gb2312_80'],
    term('gb2312', 'Chinese EUC-CN', { g0: 'ascii', g1: 'gb2312' }),
  );
  add(['gbk', '936', 'cp936', 'ms936'], dicom('GBK'));
  add(['gb18030', 'gb18030_2000'], dicom('GB18030'));
  add(['iso2022_jp', 'csiso2022jp', 'iso2022jp', 'iso_2022_jp'], dicom('ISO 2022 IR 87'));
  add(['iso2022_jp_2', 'iso2022jp_2', 'iso_2022_jp_2'], dicom('ISO 2022 IR 159'));
  // pydicom's table also lists these two non-standard terms (from an old CP draft)
  add(['iso_2022_gbk'], dicom('GBK'));
  add(['iso_2022_58'], dicom('ISO 2022 IR 58'));
  return m;
})();

/** The sets in effect for one value of (0008,0005). */
export interface ResolvedCharacterSets {
  /** The terms in effect, in order (unknown ones replaced by the default repertoire, ignored ones removed). */
  readonly terms: readonly CharacterSetTerm[];
  /** Set when value 1 is a stand-alone encoding: code extensions are not used at all. */
  readonly standalone: StandaloneEncoding | undefined;
  /** The state at the start of each value and after each delimiter (PS3.5 6.1.2.5.3). */
  readonly initialG0: G0Set;
  readonly initialG1: G1Set;
  /** The code elements that escape sequences may designate without a warning. */
  readonly declaredG0: ReadonlySet<G0Set>;
  readonly declaredG1: ReadonlySet<G1Set>;
  readonly warnings: readonly string[];
}

function lookupTerm(raw: string, warnings: string[]): CharacterSetTerm {
  const exact = CHARACTER_SETS.get(raw);
  if (exact !== undefined) return exact;
  // pydicom's patches for common misspellings, e.g. 'ISO IR 100', 'ISO_2022_IR_87'
  let patched: string | undefined;
  if (/^ISO[^_]IR/.test(raw)) patched = 'ISO_IR' + raw.slice(6);
  else if (/^(?=ISO.2022.IR.)(?!ISO 2022 IR )/.test(raw)) patched = 'ISO 2022 IR ' + raw.slice(12);
  if (patched !== undefined) {
    const t = CHARACTER_SETS.get(patched);
    if (t !== undefined) {
      warnings.push(`Incorrect value for Specific Character Set '${raw}' - assuming '${patched}'`);
      return t;
    }
    warnings.push(`Unknown encoding '${raw}' - using default encoding instead`);
    return DEFAULT;
  }
  const alias = PYTHON_CODEC_ALIASES.get(raw.toLowerCase().replace(/[- ]/g, '_'));
  if (alias !== undefined) {
    const assumed = CHARACTER_SETS.has(alias.term) ? `'${alias.term}'` : alias.description;
    warnings.push(`Non-standard value for Specific Character Set '${raw}' - assuming ${assumed}`);
    return alias;
  }
  warnings.push(`Unknown encoding '${raw}' - using default encoding instead`);
  return DEFAULT;
}

function resolve(values: readonly string[]): ResolvedCharacterSets {
  const warnings: string[] = [];
  const raw = values.length === 0 ? [''] : values.map((v) => v.trim());
  let terms = raw.map((v) => lookupTerm(v, warnings));
  if (terms.length > 1) {
    if (terms[0]!.standalone !== undefined) {
      const ignored = raw.slice(1).join(', ');
      warnings.push(
        `Value '${raw[0]}' for Specific Character Set does not allow code extensions, ignoring: ${ignored}`,
      );
      terms = terms.slice(0, 1);
    } else {
      terms = terms.filter((t, i) => {
        if (i === 0 || t.standalone === undefined) return true;
        warnings.push(`Value '${raw[i]}' cannot be used as code extension, ignoring it`);
        return false;
      });
    }
  }
  const first = terms[0]!;
  const declaredG0 = new Set<G0Set>(['ascii']);
  const declaredG1 = new Set<G1Set>();
  for (const t of terms) {
    if (t.g0 !== undefined) declaredG0.add(t.g0);
    if (t.g1 !== undefined) declaredG1.add(t.g1);
  }
  // value 1 may only be a single-byte set; pydicom still decodes a multi-byte value 1 (e.g. Korean data with
  // just 'ISO 2022 IR 149') with that set, which means ASCII in G0 and the set in G1 (or nothing in G1)
  const multiByteG0 = first.g0 === 'jis-x0208' || first.g0 === 'jis-x0212';
  return {
    terms,
    standalone: first.standalone,
    initialG0: first.g0 === undefined || multiByteG0 ? 'ascii' : first.g0,
    initialG1: first.g1 ?? (multiByteG0 ? 'none' : 'latin1-default'),
    declaredG0,
    declaredG1,
    warnings,
  };
}

const cache = new Map<string, ResolvedCharacterSets>();
let lastValues: readonly string[] = [];
let lastResolved: ResolvedCharacterSets | undefined;

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Resolves the values of (0008,0005) (cached: the same few lists recur for every element of a file). */
export function resolveCharacterSets(values: readonly string[]): ResolvedCharacterSets {
  if (lastResolved !== undefined && sameValues(values, lastValues)) return lastResolved;
  const key = values.join('\\');
  let r = cache.get(key);
  if (r === undefined) {
    r = resolve(values);
    if (cache.size >= 256) cache.clear();
    cache.set(key, r);
  }
  lastValues = values.slice();
  lastResolved = r;
  return r;
}
