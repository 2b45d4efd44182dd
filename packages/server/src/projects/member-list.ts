// The members of a project as its managers see them: who, their active roles, and their pseudonym.
// Past members (every role inactive) are listed too, with active false and their last roles.
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Database, ProjectRole } from '../db/database.js';
import { PROJECT_ROLES } from './memberships.js';

export const RoleSchema = Type.Union([Type.Literal('owner'), Type.Literal('annotator'), Type.Literal('reviewer')]);

export const MemberSchema = Type.Object({
  userId: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  /** The active roles; for a past member, the roles they held. */
  roles: Type.Array(RoleSchema),
  active: Type.Boolean(),
  radId: Type.Union([Type.String(), Type.Null()]),
});

export interface Member {
  userId: number;
  username: string;
  displayName: string;
  roles: ProjectRole[];
  active: boolean;
  radId: string | null;
}

export async function listMembers(db: Kysely<Database>, projectId: number): Promise<Member[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('reader_pseudonyms as p', (join) => join.onRef('p.project_id', '=', 'm.project_id').onRef('p.user_id', '=', 'm.user_id'))
    .select(['m.user_id', 'm.role', 'm.active', 'u.username', 'u.display_name', 'p.rad_id'])
    .where('m.project_id', '=', projectId)
    .orderBy('m.user_id')
    .execute();
  const byUser = new Map<number, { member: Member; all: Set<ProjectRole>; activeRoles: Set<ProjectRole> }>();
  for (const row of rows) {
    let entry = byUser.get(row.user_id);
    if (entry === undefined) {
      entry = { member: { userId: row.user_id, username: row.username, displayName: row.display_name, roles: [], active: false, radId: row.rad_id ?? null }, all: new Set(), activeRoles: new Set() };
      byUser.set(row.user_id, entry);
    }
    entry.all.add(row.role);
    if (Number(row.active) === 1) entry.activeRoles.add(row.role);
  }
  return [...byUser.values()].map(({ member, all, activeRoles }) => {
    const active = activeRoles.size > 0;
    const held = active ? activeRoles : all;
    return { ...member, active, roles: PROJECT_ROLES.filter((r) => held.has(r)) };
  });
}
