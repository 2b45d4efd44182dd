// Patient age in years: from an Age String (PS3.5 AS: nnnD, nnnW, nnnM, nnnY) or, when there is
// none, from the birth date to the study date.
import { parseAgeString } from '@cxrlab/dicom';

/** A DA value (YYYYMMDD, or the old YYYY.MM.DD) as a UTC day number; undefined when not a real date. */
function dayNumber(value: string): number | undefined {
  const match = /^\s*(\d{4})\.?(\d{2})\.?(\d{2})\s*$/.exec(value);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return time / 86_400_000;
}

/** Whole years from birth to the study date (birthdays counted as people count them). */
export function ageFromDates(birthDate: string, studyDate: string): number | undefined {
  const [birth, study] = [dayNumber(birthDate), dayNumber(studyDate)];
  if (birth === undefined || study === undefined || study < birth) return undefined;
  const [b, s] = [new Date(birth * 86_400_000), new Date(study * 86_400_000)];
  let years = s.getUTCFullYear() - b.getUTCFullYear();
  if (s.getUTCMonth() < b.getUTCMonth() || (s.getUTCMonth() === b.getUTCMonth() && s.getUTCDate() < b.getUTCDate())) years--;
  return years;
}

/** The patient's age in years and where it came from; undefined when the header does not tell. */
export function patientAge(age: string | undefined, birthDate: string | undefined, studyDate: string | undefined): { years: number; from: string } | undefined {
  const years = age === undefined ? undefined : parseAgeString(age);
  if (years !== undefined) return { years, from: `Patient Age ${age}` };
  const fromDates = birthDate === undefined || studyDate === undefined ? undefined : ageFromDates(birthDate, studyDate);
  return fromDates === undefined ? undefined : { years: fromDates, from: `born ${birthDate}, study ${studyDate}` };
}
