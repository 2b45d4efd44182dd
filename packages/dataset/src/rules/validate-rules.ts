// A rule set given as data (a project's JSON, an HTTP body) checked field by field against the
// schema: unknown kinds, properties and labels, wrong types and impossible values throw a
// RuleSetError naming the path (`rules[2].label`) and the reason. Labels come back as the schema
// spells them, and exclusiveLabel's label is filled in from the schema's noFinding.
import { globalLabels, type LabelSchema } from '../schema/label-schema.js';
import { isRuleKind, RULE_KINDS, type Rule, type RuleKind } from './rule.js';
import { READ_RULE_ID } from './violation.js';
import {
  fail, isObject, labelList, optionalLabel, optionalNumber, optionalText, requiredBoolean, requiredLabel, requiredNumber, typeName,
  type Fields,
} from './internal/rule-fields.js';

/** The most rules a rule set may hold. */
export const MAX_RULES = 256;

type Parser = (f: Fields) => Rule;

const PROPERTIES: { [K in RuleKind]: readonly string[] } = {
  requireGlobalLabel: ['min'],
  exclusiveLabel: ['label', 'excludesGlobals', 'excludesBoxes'],
  boxLabelIsLocal: [],
  boxInsideImage: ['tolerance'],
  boxPositiveArea: ['minSide'],
  globalLabelIsGlobal: [],
  requiresLabel: ['label', 'requires'],
  forbidsTogether: ['labels'],
  maxBoxes: ['max', 'label'],
  boxLabelRequiresGlobal: ['boxLabel', 'global'],
};

/** Copies the keys whose value is defined, so the result is plain JSON. */
const defined = <T extends object>(rule: T): T =>
  Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as T;

const PARSERS: { [K in RuleKind]: Parser } = {
  requireGlobalLabel: (f) => {
    const min = optionalNumber(f, 'min', { integer: true, min: 1 });
    const available = globalLabels(f.schema).length;
    if (min !== undefined && min > available) fail(`${f.path}.min`, `${min} exceeds the ${available} global labels of the ${f.schema.name} schema`);
    return defined({ kind: 'requireGlobalLabel', min });
  },
  exclusiveLabel: (f) => {
    const label = optionalLabel(f, 'label', 'global') ?? f.schema.noFinding
      ?? fail(`${f.path}.label`, `required: the ${f.schema.name} schema has no noFinding label`);
    const excludesGlobals = requiredBoolean(f, 'excludesGlobals');
    const excludesBoxes = requiredBoolean(f, 'excludesBoxes');
    if (!excludesGlobals && !excludesBoxes) fail(f.path, 'excludesGlobals and excludesBoxes are both false, so the rule checks nothing');
    return { kind: 'exclusiveLabel', label, excludesGlobals, excludesBoxes };
  },
  boxLabelIsLocal: () => ({ kind: 'boxLabelIsLocal' }),
  boxInsideImage: (f) => defined({ kind: 'boxInsideImage', tolerance: optionalNumber(f, 'tolerance', { integer: false, min: 0 }) }),
  boxPositiveArea: (f) => defined({ kind: 'boxPositiveArea', minSide: optionalNumber(f, 'minSide', { integer: false, min: 0, exclusive: true }) }),
  globalLabelIsGlobal: () => ({ kind: 'globalLabelIsGlobal' }),
  requiresLabel: (f) => {
    const label = requiredLabel(f, 'label');
    const requires = labelList(f, 'requires', 1);
    const own = requires.indexOf(label);
    if (own >= 0) fail(`${f.path}.requires[${own}]`, `${JSON.stringify(label)} is the rule's own label`);
    return { kind: 'requiresLabel', label, requires };
  },
  forbidsTogether: (f) => ({ kind: 'forbidsTogether', labels: labelList(f, 'labels', 2) }),
  maxBoxes: (f) => defined({ kind: 'maxBoxes', max: requiredNumber(f, 'max', { integer: true, min: 0 }), label: optionalLabel(f, 'label', 'local') }),
  boxLabelRequiresGlobal: (f) =>
    defined({ kind: 'boxLabelRequiresGlobal', boxLabel: optionalLabel(f, 'boxLabel', 'local'), global: labelList(f, 'global', 1, 'global') }),
};

function parseRule(value: unknown, path: string, schema: LabelSchema): Rule {
  if (!isObject(value)) return fail(path, `expected a rule object, got ${typeName(value)}`);
  const kind = value['kind'];
  if (!Object.hasOwn(value, 'kind')) return fail(`${path}.kind`, 'required');
  if (!isRuleKind(kind)) {
    const shown = typeof kind === 'string' ? JSON.stringify(kind) : typeName(kind);
    return fail(`${path}.kind`, `unknown rule kind ${shown} (expected one of ${RULE_KINDS.join(', ')})`);
  }
  const allowed = ['kind', 'id', 'message', ...PROPERTIES[kind]];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(`${path}.${key}`, `unknown property of a ${kind} rule`);
  }
  const f: Fields = { obj: value, path, schema };
  const id = optionalText(f, 'id');
  const message = optionalText(f, 'message');
  return { ...defined({ id, message }), ...PARSERS[kind](f) } as Rule;
}

/** The rule set `json` (an array of rules) checked against `schema`; throws a RuleSetError at the first problem. */
export function parseRuleSet(json: unknown, schema: LabelSchema): Rule[] {
  if (!Array.isArray(json)) return fail('rules', `expected an array of rules, got ${typeName(json)}`);
  if (json.length > MAX_RULES) return fail('rules', `${json.length} rules; at most ${MAX_RULES} are allowed`);
  const ids = new Map<string, number>();
  return json.map((value: unknown, i) => {
    const rule = parseRule(value, `rules[${i}]`, schema);
    if (rule.id !== undefined) {
      if (rule.id === READ_RULE_ID) fail(`rules[${i}].id`, `"${READ_RULE_ID}" is reserved for the checks of the read itself`);
      const earlier = ids.get(rule.id);
      if (earlier !== undefined) fail(`rules[${i}].id`, `${JSON.stringify(rule.id)} is already the id of rules[${earlier}]`);
      ids.set(rule.id, i);
    }
    return rule;
  });
}
