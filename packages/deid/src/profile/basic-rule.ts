import { DEID_RULES, MASKED_DEID_RULES, OPTION_COLUMNS, type BasicCode } from './basic-table.generated.js';

/** An option column of Table E.1-1. */
export type OptionColumn = (typeof OPTION_COLUMNS)[number];

/** One row of PS3.15 Table E.1-1, decoded from the generated table. */
export interface BasicRule {
  readonly basic: BasicCode;
  /** The attribute belongs to a standard composite IOD ("In Std. Comp. IOD" = Y). */
  readonly inStandardIod: boolean;
  /** The option columns that carry an action for this attribute. */
  readonly options: Partial<Readonly<Record<OptionColumn, 'K' | 'C'>>>;
}

function decode(basic: BasicCode, std: 0 | 1, letters: string): BasicRule {
  const options: Partial<Record<OptionColumn, 'K' | 'C'>> = {};
  OPTION_COLUMNS.forEach((column, i) => {
    const letter = letters[i];
    if (letter === 'K' || letter === 'C') options[column] = letter;
  });
  return { basic, inStandardIod: std === 1, options };
}

let exact: Map<number, BasicRule> | undefined;
let masked: { mask: number; value: number; rule: BasicRule }[] | undefined;

/** The table's rule for a tag, exact rows first, then the repeating-group masks (curves, overlays). */
export function basicRule(tag: number): BasicRule | undefined {
  if (!exact || !masked) {
    exact = new Map(DEID_RULES.map(([t, basic, std, letters]) => [t, decode(basic, std, letters)]));
    masked = MASKED_DEID_RULES.map(([mask, value, basic, std, letters]) => ({ mask, value, rule: decode(basic, std, letters) }));
  }
  const rule = exact.get(tag);
  if (rule) return rule;
  for (const m of masked) if (((tag & m.mask) >>> 0) === m.value) return m.rule;
  return undefined;
}
