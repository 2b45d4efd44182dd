// The two databases we run on. Everything above the migrations is one code path for both.
export type DialectName = 'sqlite' | 'postgres';

/** The current time as stored: ISO 8601 UTC with milliseconds. */
export const now = (): string => new Date().toISOString();
