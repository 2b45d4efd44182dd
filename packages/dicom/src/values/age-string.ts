// Age String (AS, PS3.5 6.2) values in years.

const DAYS_PER_YEAR = 365.2425;
/** Years from a count of each unit. */
const TO_YEARS: Record<string, (n: number) => number> = { D: (n) => n / DAYS_PER_YEAR, W: (n) => (n * 7) / DAYS_PER_YEAR, M: (n) => n / 12, Y: (n) => n };

/**
 * The years of an Age String. Strict AS is three digits and a unit: "045Y", "018M" (1.5), "030D",
 * "052W" (days and weeks over 365.2425-day years). Common deviations in real headers are read too:
 * fewer digits ("45Y"), lower case, spaces, and bare digits (years). Undefined when it is not an age.
 */
export function parseAgeString(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d{1,3})\s*([DWMY]?)\s*$/i.exec(value);
  if (!match) return undefined;
  return TO_YEARS[(match[2] || 'Y').toUpperCase()]!(Number(match[1]));
}
