// The VinDr-CXR labelling platform's automatic checks of a read (Nguyen et al., 2022): at least one
// global label; the global labels are global and chosen once; "No finding" excludes every other
// global label and every box; each box has exactly one local label, lies inside the image and has
// positive area.
import type { LabelSchema } from '../schema/label-schema.js';
import type { Rule } from './rule.js';

/** The VinDr-CXR rule set for `schema`, in a stable order (without exclusiveLabel when the schema has no noFinding). */
export function defaultRules(schema: LabelSchema): Rule[] {
  return [
    { kind: 'requireGlobalLabel', min: 1 },
    { kind: 'globalLabelIsGlobal' },
    ...(schema.noFinding === undefined ? [] : [{ kind: 'exclusiveLabel', label: schema.noFinding, excludesGlobals: true, excludesBoxes: true } as const]),
    { kind: 'boxLabelIsLocal' },
    { kind: 'boxInsideImage', tolerance: 0 },
    { kind: 'boxPositiveArea' },
  ];
}
