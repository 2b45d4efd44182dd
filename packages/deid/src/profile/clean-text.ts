/** Dates written with separators: 2021-03-04, 04/03/2021, 4.3.21. */
const DATE_LIKE = /(?<![\p{L}\p{N}])(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?![\p{L}\p{N}])/gu;
/** Runs of five or more digits: ids, phone numbers, YYYYMMDD dates. */
const LONG_NUMBER = /\d{5,}/g;
const WORD = /[\p{L}\p{N}]+/gu;

const mask = (s: string): string => 'X'.repeat(s.length);

/**
 * Free text with its identifying parts masked, for the Clean (C) action. Every character of a masked
 * part becomes "X", so the text keeps its length (within its VR's maximum) and its shape, and no
 * characters outside the VR's repertoire appear. Masked: any word equal (case-insensitively) to a word
 * of the data set's identifying values (see identifyingWords), any date-like token, any run of 5+ digits.
 * Not caught: identifying text that matches none of these (a name not recorded elsewhere in the file).
 */
export function cleanText(text: string, identifying: ReadonlySet<string>): string {
  return text
    .replace(DATE_LIKE, mask)
    .replace(LONG_NUMBER, mask)
    .replace(WORD, (w) => (identifying.has(w.toLowerCase()) ? mask(w) : w));
}
