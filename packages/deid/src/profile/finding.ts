import type { Element } from '@cxrlab/dicom';

/**
 * Why an element is not allowed: `private-tag`; for vindr `not-whitelisted` (top level) and `sequence`
 * (any depth); for basic `removed-element` (the profile removes it), `value-not-empty` (it empties it),
 * `value-not-dummy`, `uid-not-replaced` (not a 2.25 UID), and `name-or-date-survives` in place of the
 * first three when a PN, DA, DT or TM value is left.
 */
export type FindingCode =
  | 'private-tag' | 'not-whitelisted' | 'sequence' | 'removed-element' | 'value-not-empty'
  | 'value-not-dummy' | 'uid-not-replaced' | 'name-or-date-survives';

/** One element a profile does not allow: where it is (`00400275/[0]/00321060`), its tag, and why (the message names neither). */
export interface Finding {
  path: string;
  tag: number;
  code: FindingCode;
  message: string;
}

export function finding(path: string, element: Element, code: FindingCode, message: string): Finding {
  return { path, tag: element.tag, code, message };
}
