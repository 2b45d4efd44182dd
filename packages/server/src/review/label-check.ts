// Consensus content checked against the project's label schema: every global label must be a global
// label of the schema, every box label a local one. Labels come back as the schema spells them (an
// alias is accepted). Geometry is left to the project's rules, checked on approval.
import { findLabel, type LabelSchema } from '@cxrlab/dataset';
import type { ConsensusContent } from './consensus-content.js';

export interface LabelProblem {
  /** Where in the content: `globals[1]`, `boxes[0].label`. */
  path: string;
  message: string;
}

export type CheckedContent = { ok: true; content: ConsensusContent } | { ok: false; problem: LabelProblem };

export function checkLabels(schema: LabelSchema, content: ConsensusContent): CheckedContent {
  const globals: string[] = [];
  for (const [i, name] of content.globals.entries()) {
    const label = findLabel(schema, name);
    if (label === undefined) return fail(`globals[${i}]`, `${JSON.stringify(name)} is not a label of the ${schema.name} schema`);
    if (label.kind !== 'global') return fail(`globals[${i}]`, `${JSON.stringify(name)} is a local label (drawn as a box), not a global one`);
    if (globals.includes(label.name)) return fail(`globals[${i}]`, `${JSON.stringify(label.name)} is chosen twice`);
    globals.push(label.name);
  }
  const boxes = [];
  for (const [i, box] of content.boxes.entries()) {
    const label = findLabel(schema, box.label);
    if (label === undefined) return fail(`boxes[${i}].label`, `${JSON.stringify(box.label)} is not a label of the ${schema.name} schema`);
    if (label.kind !== 'local') return fail(`boxes[${i}].label`, `${JSON.stringify(box.label)} is a global label; a box needs a local one`);
    boxes.push({ label: label.name, xMin: box.xMin, yMin: box.yMin, xMax: box.xMax, yMax: box.yMax });
  }
  return { ok: true, content: { globals, boxes } };
}

const fail = (path: string, message: string): CheckedContent => ({ ok: false, problem: { path, message } });
