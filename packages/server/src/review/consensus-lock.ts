// Every change to a consensus starts with an UPDATE of its row that names the version the caller saw
// and requires it open: the row lock serializes concurrent edits and approvals (PostgreSQL), and a stale
// version or a final consensus touches no row, which becomes a 409.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { now } from '../db/dialect.js';
import { conflict, notFound, versionConflict } from '../http/api-error.js';

/** The consensus is final: nothing may change it any more. */
export const finalConflict = () => conflict('consensus is final');

/** Bumps the version (an edit) or only locks the row (an approval), at `version` and while open. */
export async function lockConsensus(tx: Kysely<Database>, imageRowId: number, version: number | undefined, edit?: { userId: number }): Promise<void> {
  let update = tx.updateTable('consensus').where('image_id', '=', imageRowId).where('status', '=', 'open');
  if (version !== undefined) update = update.where('version', '=', version);
  const result = await (edit === undefined
    ? update.set({ version: sql<number>`version` })
    : update.set((eb) => ({ version: eb('version', '+', 1), updated_by: edit.userId, updated_at: now() }))
  ).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const current = await tx.selectFrom('consensus').select(['version', 'status']).where('image_id', '=', imageRowId).executeTakeFirst();
  if (current === undefined) throw notFound('consensus');
  if (current.status === 'final') throw finalConflict();
  throw versionConflict('the consensus', current.version);
}
