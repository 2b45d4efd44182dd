// A broken rule, located: which rule, a stable code, a human sentence and the path into the read.

export type ViolationCode =
  // Always checked (rule id READ_RULE_ID): numbers a rule could not compare.
  | 'BOX_COORDINATE_NOT_FINITE'
  | 'IMAGE_SIZE_INVALID'
  // requireGlobalLabel
  | 'NO_GLOBAL_LABEL'
  | 'TOO_FEW_GLOBAL_LABELS'
  // exclusiveLabel (NO_FINDING_* when the label is the schema's noFinding)
  | 'NO_FINDING_WITH_LABELS'
  | 'NO_FINDING_WITH_BOXES'
  | 'EXCLUSIVE_LABEL_WITH_LABELS'
  | 'EXCLUSIVE_LABEL_WITH_BOXES'
  // boxLabelIsLocal
  | 'BOX_LABEL_MISSING'
  | 'BOX_LABEL_NOT_SINGLE'
  | 'BOX_LABEL_UNKNOWN'
  | 'BOX_LABEL_NOT_LOCAL'
  // boxInsideImage
  | 'BOX_OUTSIDE_IMAGE'
  // boxPositiveArea
  | 'BOX_EMPTY'
  | 'BOX_INVERTED'
  | 'BOX_TOO_SMALL'
  // globalLabelIsGlobal
  | 'GLOBAL_LABEL_EMPTY'
  | 'UNKNOWN_GLOBAL_LABEL'
  | 'GLOBAL_LABEL_NOT_GLOBAL'
  | 'DUPLICATE_GLOBAL_LABEL'
  // project rules
  | 'LABEL_REQUIRES'
  | 'LABELS_FORBIDDEN_TOGETHER'
  | 'TOO_MANY_BOXES'
  | 'BOX_REQUIRES_GLOBAL';

export interface Violation {
  /** The rule's `id`, or its kind; READ_RULE_ID for the checks that always run. */
  ruleId: string;
  code: ViolationCode;
  /** One sentence naming the labels, the box (1-based, as readers count) and the numbers; or the rule's `message`. */
  message: string;
  /** Where in the read: 'globals', 'globals[1]', 'boxes[2]', 'boxes[2].xMax', 'image.width'. */
  path: string;
}

/** The rule id of the checks checkRead always runs first (finite box coordinates, a valid image size). */
export const READ_RULE_ID = 'read';
