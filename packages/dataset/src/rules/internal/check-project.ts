// The project-specific checks: a label requiring others, labels forbidden together, a box budget,
// and boxes requiring a global label. "Present" means chosen as a global label or drawn as a box.
import type { BoxLabelRequiresGlobalRule, ForbidsTogetherRule, MaxBoxesRule, RequiresLabelRule } from '../rule.js';
import { count, joinAnd, joinOr } from './text.js';
import { boxName } from './read-view.js';
import { ruleLabel, type Check } from './check.js';

const noneOf = (n: number): string => (n === 1 ? 'it is not' : n === 2 ? 'neither is' : 'none is');

export const checkRequiresLabel: Check<RequiresLabelRule> = (rule, view, emit) => {
  const path = view.firstPath.get(ruleLabel(view, rule.label));
  if (path === undefined) return;
  if (rule.requires.some((r) => view.firstPath.has(ruleLabel(view, r)))) return;
  const n = rule.requires.length;
  emit('LABEL_REQUIRES', path, `${rule.label} requires ${joinOr(rule.requires)}, but ${noneOf(n)} present.`);
};

export const checkForbidsTogether: Check<ForbidsTogetherRule> = (rule, view, emit) => {
  const present = rule.labels.filter((l) => view.firstPath.has(ruleLabel(view, l)));
  const second = present[1];
  if (second === undefined) return;
  emit('LABELS_FORBIDDEN_TOGETHER', view.firstPath.get(ruleLabel(view, second)) ?? 'globals', `${joinAnd(present)} must not be used together.`);
};

export const checkMaxBoxes: Check<MaxBoxesRule> = (rule, view, emit) => {
  const name = rule.label === undefined ? undefined : ruleLabel(view, rule.label);
  const matching = view.read.boxes.map((_b, i) => i).filter((i) => name === undefined || view.boxNames[i] === name);
  const over = matching[rule.max];
  if (over === undefined) return;
  const noun = name === undefined ? count(matching.length, 'box', 'boxes') : count(matching.length, `${name} box`, `${name} boxes`);
  const allowed = rule.max === 0 ? 'none is allowed' : rule.max === 1 ? 'at most 1 is allowed' : `at most ${rule.max} are allowed`;
  emit('TOO_MANY_BOXES', `boxes[${over}]`, `There ${matching.length === 1 ? 'is' : 'are'} ${noun}; ${allowed}.`);
};

export const checkBoxLabelRequiresGlobal: Check<BoxLabelRequiresGlobalRule> = (rule, view, emit) => {
  const name = rule.boxLabel === undefined ? undefined : ruleLabel(view, rule.boxLabel);
  const first = view.read.boxes.findIndex((_b, i) => name === undefined || view.boxNames[i] === name);
  if (first < 0) return;
  if (rule.global.some((g) => view.globalNames.includes(ruleLabel(view, g)))) return;
  const n = rule.global.length;
  const wanted = n === 1 ? `the global label ${rule.global[0]}` : `one of the global labels ${joinOr(rule.global)}`;
  const missing = n === 1 ? 'which is not chosen' : `but ${noneOf(n)} chosen`;
  emit('BOX_REQUIRES_GLOBAL', `boxes[${first}]`, `${boxName(view, first)} requires ${wanted}, ${missing}.`);
};
