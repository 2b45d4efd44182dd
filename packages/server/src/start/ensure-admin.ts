// The first administrator: created at the first start when there are no users, with the password from
// CXRLAB_ADMIN_PASSWORD or a generated one that is returned (to be printed once) and never stored.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { generatedPassword, passwordProblem } from '../auth/password.js';
import { createUser } from '../routes/user-routes.js';
import { StartError } from './start-error.js';

export interface FirstAdmin {
  username: string;
  /** Set only when the password was generated now. */
  generatedPassword?: string;
}

export async function ensureAdmin(db: Kysely<Database>, password: string | undefined): Promise<FirstAdmin | undefined> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return undefined;
  if (password !== undefined) {
    const problem = passwordProblem(password);
    if (problem !== undefined) throw new StartError('ERR_ADMIN_PASSWORD', `the first administrator's password (CXRLAB_ADMIN_PASSWORD): ${problem}`);
  }
  const chosen = password ?? generatedPassword();
  await createUser(db, { username: 'admin', displayName: 'Administrator', password: chosen, isAdmin: true }, null);
  return { username: 'admin', ...(password === undefined ? { generatedPassword: chosen } : {}) };
}
