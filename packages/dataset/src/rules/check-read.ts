// Checks one read against a rule set: the input checks first (finite coordinates, a valid image
// size), then each rule in order, each rule's violations in the order of the globals and boxes.
import type { LabelSchema } from '../schema/label-schema.js';
import { ruleIdOf, type Rule, type RuleKind } from './rule.js';
import type { ImageSize, Read } from './read.js';
import { READ_RULE_ID, type Violation } from './violation.js';
import { readView } from './internal/read-view.js';
import type { Check, Emit } from './internal/check.js';
import { checkInput } from './internal/check-input.js';
import { checkExclusiveLabel, checkGlobalLabelIsGlobal, checkRequireGlobalLabel } from './internal/check-globals.js';
import { checkBoxInsideImage, checkBoxLabelIsLocal, checkBoxPositiveArea } from './internal/check-boxes.js';
import { checkBoxLabelRequiresGlobal, checkForbidsTogether, checkMaxBoxes, checkRequiresLabel } from './internal/check-project.js';

const CHECKS: { [K in RuleKind]: Check<Extract<Rule, { kind: K }>> } = {
  requireGlobalLabel: checkRequireGlobalLabel,
  exclusiveLabel: checkExclusiveLabel,
  boxLabelIsLocal: checkBoxLabelIsLocal,
  boxInsideImage: checkBoxInsideImage,
  boxPositiveArea: checkBoxPositiveArea,
  globalLabelIsGlobal: checkGlobalLabelIsGlobal,
  requiresLabel: checkRequiresLabel,
  forbidsTogether: checkForbidsTogether,
  maxBoxes: checkMaxBoxes,
  boxLabelRequiresGlobal: checkBoxLabelRequiresGlobal,
};

/**
 * Every violation of `rules` by `read` on an image of `image`'s size; empty when the read passes.
 * Rules are expected to have come through parseRuleSet (labels a schema lacks match nothing); an
 * unknown kind throws.
 */
export function checkRead(rules: readonly Rule[], schema: LabelSchema, read: Read, image: ImageSize): Violation[] {
  const view = readView(schema, read, image);
  const violations: Violation[] = [];
  const emitter = (ruleId: string, override?: string): Emit => (code, path, message) => {
    violations.push({ ruleId, code, message: override ?? message, path });
  };
  checkInput(view, emitter(READ_RULE_ID));
  for (const rule of rules) {
    const check = CHECKS[rule.kind] as Check<Rule> | undefined;
    if (check === undefined) throw new Error(`checkRead: unknown rule kind ${JSON.stringify(rule.kind)}`);
    check(rule, view, emitter(ruleIdOf(rule), rule.message));
  }
  return violations;
}
