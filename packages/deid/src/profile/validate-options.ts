import type { BasicProfileOptions } from './profile-options.js';

/** A contradictory set of Basic Profile options. */
export class DeidOptionsError extends Error {
  readonly code = 'ERR_DEID_OPTIONS';
  constructor(message: string) {
    super(message);
    this.name = 'DeidOptionsError';
  }
}

/**
 * Throws when options contradict each other: dates cannot be both retained in full and shifted
 * (PS3.15 E.3.6 offers the two as alternatives).
 */
export function validateBasicOptions(options: BasicProfileOptions): void {
  if (options.retainFullDates && options.retainModifiedDates) {
    throw new DeidOptionsError('retainFullDates and retainModifiedDates exclude each other: choose one');
  }
}
