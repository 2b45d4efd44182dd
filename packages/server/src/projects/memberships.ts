// Membership changes, each meant to run inside one transaction with its audit entry: set a user's
// roles in a project (reading roles give a pseudonym), and the owner count that must never reach 0.
import type { Kysely } from 'kysely';
import type { Database, ProjectRole } from '../db/database.js';
import { now } from '../db/dialect.js';
import { ensurePseudonym } from './reader-pseudonyms.js';

export const PROJECT_ROLES: readonly ProjectRole[] = ['owner', 'annotator', 'reviewer'];
export const READING_ROLES: readonly ProjectRole[] = ['annotator', 'reviewer'];

/** The user's active roles in the project, in PROJECT_ROLES order. */
export async function activeRoles(db: Kysely<Database>, projectId: number, userId: number): Promise<ProjectRole[]> {
  const rows = await db.selectFrom('memberships').select('role').where('project_id', '=', projectId).where('user_id', '=', userId).where('active', '=', 1).execute();
  const held = new Set(rows.map((r) => r.role));
  return PROJECT_ROLES.filter((r) => held.has(r));
}

/**
 * Makes `roles` exactly the user's active roles in the project (others become inactive; rows are kept,
 * so a member who returns keeps their history). Gives a pseudonym when a reading role is among them.
 */
export async function setRoles(tx: Kysely<Database>, projectId: number, userId: number, roles: readonly ProjectRole[]): Promise<{ radId: string | null }> {
  const at = now();
  for (const role of PROJECT_ROLES) {
    if (roles.includes(role)) {
      await tx
        .insertInto('memberships')
        .values({ project_id: projectId, user_id: userId, role, active: 1, created_at: at })
        .onConflict((oc) => oc.columns(['project_id', 'user_id', 'role']).doUpdateSet({ active: 1 }))
        .execute();
    } else {
      await tx.updateTable('memberships').set({ active: 0 }).where('project_id', '=', projectId).where('user_id', '=', userId).where('role', '=', role).execute();
    }
  }
  if (!roles.some((r) => READING_ROLES.includes(r))) {
    const kept = await tx.selectFrom('reader_pseudonyms').select('rad_id').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
    return { radId: kept?.rad_id ?? null };
  }
  return { radId: (await ensurePseudonym(tx, projectId, userId)).radId };
}

/** How many active owners the project has. */
export async function ownerCount(db: Kysely<Database>, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
