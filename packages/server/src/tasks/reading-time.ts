// The reading time a client reports: the largest value reported is kept (it never decreases), capped at
// one hour, so a tab left open overnight does not count as a night of reading.
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/database.js';

export const MAX_READING_MS = 3_600_000;

/** `reading_ms` raised to `reported` (capped), as an UPDATE ... SET expression. */
export function raisedReadingMs(eb: ExpressionBuilder<Database, 'tasks'>, reported: number) {
  const value = Math.min(Math.max(0, Math.floor(reported)), MAX_READING_MS);
  return eb.case().when('reading_ms', '<', value).then(value).else(eb.ref('reading_ms')).end();
}
