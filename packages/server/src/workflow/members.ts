// The active members of a project who hold a role: who may be given tasks of a kind.
import type { Kysely } from 'kysely';
import type { Database, ProjectRole, TaskKind } from '../db/database.js';

/** The role a task kind needs: annotators read, reviewers review. */
export const roleForKind = (kind: TaskKind): ProjectRole => (kind === 'annotate' ? 'annotator' : 'reviewer');

/** The user ids of the project's active members with `role` whose accounts are not disabled, ascending. */
export async function activeMembers(db: Kysely<Database>, projectId: number, role: ProjectRole): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.project_id', '=', projectId)
    .where('memberships.role', '=', role)
    .where('memberships.active', '=', 1)
    .where('users.disabled', '=', 0)
    .orderBy('memberships.user_id')
    .execute();
  return rows.map((r) => r.user_id);
}
