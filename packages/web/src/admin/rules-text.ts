// The rules tab's logic: each rule in words, and a rule set typed as JSON checked before saving with
// the same parser the server uses (so most mistakes show while typing; the server still decides).
import { describeRule, isRuleKind, parseRuleSet, RuleSetError, type Rule } from '@cxrlab/dataset/rules';
import { jsonErrorText } from './project-form.js';

type Schema = Parameters<typeof parseRuleSet>[1];

export interface RuleLine {
  /** The rule in words (describeRule). */
  text: string;
  /** The rule's own message, which replaces the generated one in violations. */
  message?: string;
  /** What violations name it by: its id, or its kind. */
  id: string;
}

/** Each rule in words; a rule the parser would refuse is shown as its JSON. */
export function ruleLines(rules: readonly unknown[]): RuleLine[] {
  return rules.map((rule) => {
    const r = rule as Partial<Rule> & { kind?: unknown; id?: unknown; message?: unknown };
    const id = typeof r.id === 'string' ? r.id : typeof r.kind === 'string' ? r.kind : '?';
    let text: string;
    try {
      text = isRuleKind(r.kind) ? describeRule(r as Rule) : `Unknown rule: ${JSON.stringify(rule)}`;
    } catch {
      text = JSON.stringify(rule);
    }
    return { text, id, ...(typeof r.message === 'string' ? { message: r.message } : {}) };
  });
}

export type RulesCheck = { ok: true; rules: Rule[] } | { ok: false; message: string; /** the body field, as the server names it */ field: string };

/** Parses the editor's text and checks it against the project's schema. */
export function checkRulesText(text: string, schema: Schema): RulesCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${jsonErrorText(text, error)}`, field: 'body.rules' };
  }
  if (!Array.isArray(json)) return { ok: false, message: 'The rules are a JSON array: [{"kind": ...}, ...].', field: 'body.rules' };
  try {
    return { ok: true, rules: parseRuleSet(json, schema) };
  } catch (error) {
    if (error instanceof RuleSetError) {
      const field = `body.${error.path}`;
      return { ok: false, message: `${field}: ${error.reason}`, field };
    }
    return { ok: false, message: (error as Error).message, field: 'body.rules' };
  }
}

/** The index of the rule a field names (`body.rules[3].label` -> 3). */
export function ruleIndexOf(field: string | undefined): number | undefined {
  const m = field === undefined ? null : /rules\[(\d+)\]/.exec(field);
  return m === null ? undefined : Number(m[1]);
}
