// A reader's stable pseudonym in a project (R1, R2, ...): given when they first get a reading role,
// numbered after every pseudonym the project ever gave (never reused), kept when they leave and return.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** The user's pseudonym in the project, created when they have none. Call inside the membership change's transaction. */
export async function ensurePseudonym(tx: Kysely<Database>, projectId: number, userId: number): Promise<{ radId: string; created: boolean }> {
  const existing = await tx.selectFrom('reader_pseudonyms').select('rad_id').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
  if (existing !== undefined) return { radId: existing.rad_id, created: false };
  const last = await tx.selectFrom('reader_pseudonyms').select((eb) => eb.fn.max('number').as('max')).where('project_id', '=', projectId).executeTakeFirst();
  const number = Number(last?.max ?? 0) + 1;
  const radId = `R${number}`;
  await tx.insertInto('reader_pseudonyms').values({ project_id: projectId, user_id: userId, rad_id: radId, number }).execute();
  return { radId, created: true };
}
