// One sentence per rule, for the labelling UI and the docs.
import type { Rule } from './rule.js';
import { count, joinAnd, joinOr } from './internal/text.js';

const within = (tolerance: number | undefined): string =>
  tolerance === undefined || tolerance === 0 ? '' : `, give or take ${count(tolerance, 'pixel', 'pixels')}`;

function exclusive(label: string, globals: boolean, boxes: boolean): string {
  const what = [globals ? 'every other global label' : '', boxes ? 'every box' : ''].filter((s) => s !== '');
  return what.length === 0 ? `${label} excludes nothing.` : `${label} excludes ${joinAnd(what)}.`;
}

/** A human sentence saying what `rule` requires. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'requireGlobalLabel': {
      const min = rule.min ?? 1;
      return min === 1 ? 'At least one global label must be chosen.' : `At least ${min} global labels must be chosen.`;
    }
    case 'exclusiveLabel':
      return exclusive(rule.label ?? 'The no-finding label', rule.excludesGlobals, rule.excludesBoxes);
    case 'boxLabelIsLocal':
      return 'Each box has exactly one label, a local label of the schema.';
    case 'boxInsideImage':
      return `Each box lies inside the image${within(rule.tolerance)}.`;
    case 'boxPositiveArea':
      return rule.minSide === undefined
        ? 'Each box has a positive width and height.'
        : `Each box is at least ${count(rule.minSide, 'pixel', 'pixels')} wide and high.`;
    case 'globalLabelIsGlobal':
      return 'Each chosen global label is a global label of the schema, chosen once.';
    case 'requiresLabel':
      return `${rule.label} requires ${joinOr(rule.requires)}.`;
    case 'forbidsTogether':
      return rule.labels.length === 2
        ? `${joinAnd(rule.labels)} must not be used together.`
        : `At most one of ${joinOr(rule.labels)} may be used.`;
    case 'maxBoxes': {
      const noun = rule.label === undefined ? count(rule.max, 'box', 'boxes') : count(rule.max, `${rule.label} box`, `${rule.label} boxes`);
      return `An image has at most ${noun}.`;
    }
    case 'boxLabelRequiresGlobal': {
      const box = rule.boxLabel === undefined ? 'A box' : `A ${rule.boxLabel} box`;
      const wanted = rule.global.length === 1 ? `the global label ${rule.global[0]}` : `one of the global labels ${joinOr(rule.global)}`;
      return `${box} requires ${wanted}.`;
    }
  }
}
