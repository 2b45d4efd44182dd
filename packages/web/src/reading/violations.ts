// Reading a rule violation for the validation list: which box it is about, and whether it is the
// "No finding (or another exclusive label) with boxes" conflict that "Delete all boxes" resolves. Pure.

export interface ViolationLike {
  code: string;
  message: string;
  path?: string;
  ruleId?: string;
}

/** The 0-based box index in a path such as "boxes[2]" or "boxes[2].xMax"; undefined for other paths. */
export function boxIndexOf(path: string | undefined): number | undefined {
  const m = /^boxes\[(\d+)\]/.exec(path ?? '');
  return m === null ? undefined : Number(m[1]);
}

const BOX_CONFLICTS = new Set(['NO_FINDING_WITH_BOXES', 'EXCLUSIVE_LABEL_WITH_BOXES']);

/** An exclusive global label (No finding) is chosen while boxes are drawn. */
export const isBoxConflict = (v: ViolationLike): boolean => BOX_CONFLICTS.has(v.code);
