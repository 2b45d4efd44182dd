// The checks of the chosen global labels: at least one, each a global label of the schema and
// chosen once, and an exclusive label (No finding) alone.
import { findLabel } from '../../schema/label-schema.js';
import type { ExclusiveLabelRule, GlobalLabelIsGlobalRule, RequireGlobalLabelRule } from '../rule.js';
import { count } from './text.js';
import { boxName } from './read-view.js';
import { isGiven, ruleLabel, type Check } from './check.js';

export const checkRequireGlobalLabel: Check<RequireGlobalLabelRule> = (rule, view, emit) => {
  const min = rule.min ?? 1;
  const chosen = new Set<string>();
  view.read.globals.forEach((g, i) => { if (isGiven(g)) chosen.add(view.globalNames[i] ?? g); });
  if (chosen.size >= min) return;
  const needed = min === 1 ? 'at least one is required' : `at least ${min} are required`;
  if (chosen.size === 0) emit('NO_GLOBAL_LABEL', 'globals', `No global label is chosen; ${needed}.`);
  else emit('TOO_FEW_GLOBAL_LABELS', 'globals', `Only ${count(chosen.size, 'global label is', 'global labels are')} chosen; ${needed}.`);
};

export const checkGlobalLabelIsGlobal: Check<GlobalLabelIsGlobalRule> = (_rule, view, emit) => {
  const seen = new Set<string>();
  view.read.globals.forEach((g, i) => {
    const path = `globals[${i}]`;
    if (!isGiven(g)) return emit('GLOBAL_LABEL_EMPTY', path, `Global label ${i + 1} is empty.`);
    const label = findLabel(view.schema, g);
    if (label === undefined) return emit('UNKNOWN_GLOBAL_LABEL', path, `"${g}" is not a label of the ${view.schema.name} schema.`);
    if (label.kind !== 'global') return emit('GLOBAL_LABEL_NOT_GLOBAL', path, `${g} is a local label: it is marked with boxes, not chosen for the whole image.`);
    if (seen.has(label.name)) return emit('DUPLICATE_GLOBAL_LABEL', path, `${label.name} is chosen more than once.`);
    seen.add(label.name);
  });
};

export const checkExclusiveLabel: Check<ExclusiveLabelRule> = (rule, view, emit) => {
  const given = rule.label ?? view.schema.noFinding;
  if (given === undefined) return;
  const name = ruleLabel(view, given);
  if (!view.globalNames.includes(name)) return;
  const noFinding = view.schema.noFinding !== undefined && ruleLabel(view, view.schema.noFinding) === name;
  const prefix = noFinding ? 'NO_FINDING' : 'EXCLUSIVE_LABEL';
  if (rule.excludesGlobals) {
    view.read.globals.forEach((g, i) => {
      if (!isGiven(g) || view.globalNames[i] === name) return;
      emit(`${prefix}_WITH_LABELS`, `globals[${i}]`, `${g} is chosen with ${name}, which excludes every other global label.`);
    });
  }
  if (rule.excludesBoxes) {
    view.read.boxes.forEach((_box, i) => emit(`${prefix}_WITH_BOXES`, `boxes[${i}]`, `${boxName(view, i)} is drawn, but ${name} excludes every box.`));
  }
};
