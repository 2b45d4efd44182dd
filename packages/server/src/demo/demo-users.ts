// The demo's readers: annotators ann1-ann3 and reviewers rev1-rev2, all with one password. A user
// that exists already is left as it is (its password is not changed).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createUser } from '../routes/user-routes.js';

export type DemoRole = 'annotator' | 'reviewer';

export interface DemoUser {
  username: string;
  role: DemoRole;
  /** users.id */
  id: number;
  /** Created by this seeding (with the demo password). */
  created: boolean;
}

export const DEMO_USERS: ReadonlyArray<{ username: string; displayName: string; role: DemoRole }> = [
  { username: 'ann1', displayName: 'Annotator 1', role: 'annotator' },
  { username: 'ann2', displayName: 'Annotator 2', role: 'annotator' },
  { username: 'ann3', displayName: 'Annotator 3', role: 'annotator' },
  { username: 'rev1', displayName: 'Reviewer 1', role: 'reviewer' },
  { username: 'rev2', displayName: 'Reviewer 2', role: 'reviewer' },
];

/** Creates the demo users that are missing; every demo user, in DEMO_USERS order. */
export async function ensureDemoUsers(db: Kysely<Database>, password: string, actorId: number | null): Promise<DemoUser[]> {
  const users: DemoUser[] = [];
  for (const { username, displayName, role } of DEMO_USERS) {
    const found = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (found !== undefined) users.push({ username, role, id: found.id, created: false });
    else users.push({ username, role, id: (await createUser(db, { username, displayName, password, isAdmin: false }, actorId)).id, created: true });
  }
  return users;
}
