// Patient age in years: from an Age String (PS3.5 AS: nnnD, nnnW, nnnM, nnnY) or, when there is
// none, from the birth date to the study date.

const DAYS_PER_YEAR = 365.2425;
const UNIT_YEARS: Record<string, number> = { D: 1 / DAYS_PER_YEAR, W: 7 / DAYS_PER_YEAR, M: 1 / 12, Y: 1 };

/**
 * Years in an Age String. Strict AS is three digits and a unit ("045Y", "018M", "030D"); common
 * deviations are accepted too: fewer digits ("45Y"), lower case, spaces, and bare digits (years).
 * Undefined when it is not an age.
 */
export function parseAgeString(value: string): number | undefined {
  const match = /^\s*(\d{1,3})\s*([DWMY]?)\s*$/i.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * UNIT_YEARS[(match[2] || 'Y').toUpperCase()]!;
}

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
