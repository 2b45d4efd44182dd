// The public API of the verification rules: rules as data, the VinDr-CXR defaults, checking a read,
// parsing a project's rule set, and describing a rule. Pure (no node: imports): it runs in the browser.
export { RULE_KINDS, isRuleKind, ruleIdOf } from './rule.js';
export type {
  Rule, RuleKind, RuleBase, RequireGlobalLabelRule, ExclusiveLabelRule, BoxLabelIsLocalRule, BoxInsideImageRule,
  BoxPositiveAreaRule, GlobalLabelIsGlobalRule, RequiresLabelRule, ForbidsTogetherRule, MaxBoxesRule, BoxLabelRequiresGlobalRule,
} from './rule.js';
export type { ImageSize, Read, ReadBox } from './read.js';
export { READ_RULE_ID, type Violation, type ViolationCode } from './violation.js';
export { defaultRules } from './default-rules.js';
export { checkRead } from './check-read.js';
export { RuleSetError } from './rule-set-error.js';
export { MAX_RULES, parseRuleSet } from './validate-rules.js';
export { describeRule } from './describe-rule.js';
