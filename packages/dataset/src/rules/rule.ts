// The verification rules a labelling project checks every read against, as plain JSON data: a
// discriminated union on `kind`. The VinDr-CXR paper's automatic checks are the first six kinds
// (default-rules.ts); the last four let a project add its own. Pure: no I/O, runs in the browser too.

/** Fields every rule may carry: `id` names it in violations (default: its kind); `message` replaces the generated sentence. */
export interface RuleBase {
  id?: string;
  message?: string;
}

/** At least `min` (default 1) distinct global labels are chosen. */
export interface RequireGlobalLabelRule extends RuleBase {
  kind: 'requireGlobalLabel';
  min?: number;
}

/** When `label` (default: the schema's noFinding) is chosen, no other global label and/or no box may be. */
export interface ExclusiveLabelRule extends RuleBase {
  kind: 'exclusiveLabel';
  label?: string;
  excludesGlobals: boolean;
  excludesBoxes: boolean;
}

/** Each box has exactly one label, and it is a local label of the schema. */
export interface BoxLabelIsLocalRule extends RuleBase {
  kind: 'boxLabelIsLocal';
}

/** Each box lies inside the image: 0 <= x <= width, 0 <= y <= height, give or take `tolerance` pixels (default 0). */
export interface BoxInsideImageRule extends RuleBase {
  kind: 'boxInsideImage';
  tolerance?: number;
}

/** Each box has positive width and height, and at least `minSide` pixels of each when given. */
export interface BoxPositiveAreaRule extends RuleBase {
  kind: 'boxPositiveArea';
  minSide?: number;
}

/** Each chosen global label exists in the schema, is of kind global, and is chosen once. */
export interface GlobalLabelIsGlobalRule extends RuleBase {
  kind: 'globalLabelIsGlobal';
}

/** When `label` is present (chosen or boxed), at least one of `requires` is present too. */
export interface RequiresLabelRule extends RuleBase {
  kind: 'requiresLabel';
  label: string;
  requires: string[];
}

/** At most one of `labels` is present (chosen or boxed). */
export interface ForbidsTogetherRule extends RuleBase {
  kind: 'forbidsTogether';
  labels: string[];
}

/** At most `max` boxes, or at most `max` boxes of `label` when given. */
export interface MaxBoxesRule extends RuleBase {
  kind: 'maxBoxes';
  max: number;
  label?: string;
}

/** A box (of `boxLabel` when given, else of any label) requires one of the `global` labels to be chosen. */
export interface BoxLabelRequiresGlobalRule extends RuleBase {
  kind: 'boxLabelRequiresGlobal';
  boxLabel?: string;
  global: string[];
}

export type Rule =
  | RequireGlobalLabelRule
  | ExclusiveLabelRule
  | BoxLabelIsLocalRule
  | BoxInsideImageRule
  | BoxPositiveAreaRule
  | GlobalLabelIsGlobalRule
  | RequiresLabelRule
  | ForbidsTogetherRule
  | MaxBoxesRule
  | BoxLabelRequiresGlobalRule;

export type RuleKind = Rule['kind'];

/** Every rule kind, in the order this file declares them. */
export const RULE_KINDS: readonly RuleKind[] = [
  'requireGlobalLabel', 'exclusiveLabel', 'boxLabelIsLocal', 'boxInsideImage', 'boxPositiveArea',
  'globalLabelIsGlobal', 'requiresLabel', 'forbidsTogether', 'maxBoxes', 'boxLabelRequiresGlobal',
];

export const isRuleKind = (value: unknown): value is RuleKind => typeof value === 'string' && (RULE_KINDS as readonly string[]).includes(value);

/** The id violations of `rule` carry: its `id`, or its kind. */
export const ruleIdOf = (rule: Rule): string => rule.id ?? rule.kind;
