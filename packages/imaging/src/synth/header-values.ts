import { intBetween, type Random } from './seeded-random.js';

export const FAMILY = ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Müller', 'Smith', 'García', 'Kowalski', 'Øster', 'Okafor', 'Yamada'];
export const GIVEN = ['Van A', 'Thi B', 'Jürgen', 'Maria', 'John', 'Ana', 'Piotr', 'Søren', 'Chidi', 'Hana', 'Minh', 'Lan'];
export const INSTITUTIONS = ['Hospital 108', 'Hanoi Medical University Hospital', 'St. Example General', 'Klinikum Süd'];
export const MODELS: readonly (readonly [manufacturer: string, model: string])[] = [
  ['Agfa', 'CR 85-X'],
  ['FUJIFILM Corporation', 'FCR CAPSULA XLII'],
  ['Carestream Health', 'DRX-Evolution'],
  ['GE Healthcare', 'Definium 6000'],
  ['Philips Medical Systems', 'DigitalDiagnost'],
];
export const INDICATIONS = ['Cough for 2 weeks', 'Fever, dyspnea', 'Pre-operative check', 'Follow-up pneumonia'];

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A DA value between two years. */
export function date(rnd: Random, fromYear: number, toYear: number): string {
  return `${intBetween(rnd, fromYear, toYear)}${pad(intBetween(rnd, 1, 12), 2)}${pad(intBetween(rnd, 1, 28), 2)}`;
}

/** A TM value in working hours, with microseconds. */
export function time(rnd: Random): string {
  return `${pad(intBetween(rnd, 7, 19), 2)}${pad(intBetween(rnd, 0, 59), 2)}${pad(intBetween(rnd, 0, 59), 2)}.${pad(intBetween(rnd, 0, 999999), 6)}`;
}
