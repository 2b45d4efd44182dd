import { keyedDigest } from '../ids/keyed-digest.js';

/** The longest shift, about ten years: enough to hide dates, short enough to keep ages plausible. */
export const MAX_SHIFT_DAYS = 3650;
const DAY_MS = 86_400_000;

/**
 * The number of days (1..3650) every date of a patient is moved back by: from HMAC-SHA256(key,
 * "date-shift:" + PatientID), or MD5 without a key (then anyone holding the Patient ID can undo it).
 * The same for every file of a patient, so intervals between studies survive.
 */
export function dateShiftDays(patientId: string, key: Uint8Array | undefined): number {
  return 1 + (keyedDigest('date-shift:' + patientId, key).readUInt32BE(0) % MAX_SHIFT_DAYS);
}

/** A DA value (YYYYMMDD) moved back by `days`, or undefined when it is not a valid date (ACR-NEMA "YYYY.MM.DD" included). */
export function shiftDA(value: string, days: number): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  const shifted = new Date(date.getTime() - days * DAY_MS);
  if (shifted.getUTCFullYear() < 1) return undefined;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return pad(shifted.getUTCFullYear(), 4) + pad(shifted.getUTCMonth() + 1, 2) + pad(shifted.getUTCDate(), 2);
}

/**
 * A DT value with its date part moved back by `days`, time and UTC offset kept (the shift is whole days).
 * Undefined when it is invalid or holds less than a full date (YYYY or YYYYMM cannot be moved by days).
 */
export function shiftDT(value: string, days: number): string | undefined {
  const m = /^(\d{8})((?:\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,6})?)?)?)?(?:[+-]\d{4})?)$/.exec(value);
  if (!m) return undefined;
  const date = shiftDA(m[1]!, days);
  return date === undefined ? undefined : date + m[2]!;
}
