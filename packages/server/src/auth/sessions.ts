// Cookie sessions: the cookie holds a random secret; the database holds its SHA-256, the user, the
// session's CSRF token and the expiry.
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/database.js';
import { randomSecret, sha256Hex } from './secrets.js';

export const SESSION_COOKIE = 'cxrlab_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface NewSession {
  secret: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Kysely<Database>, userId: number, seconds: number): Promise<NewSession> {
  const secret = randomSecret();
  const csrfToken = randomSecret(24);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  await db.insertInto('sessions').values({ id: sha256Hex(secret), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt.toISOString() }).execute();
  return { secret, csrfToken, expiresAt };
}

export async function findSession(db: Kysely<Database>, secret: string): Promise<{ user: User; sessionId: string; csrfToken: string } | undefined> {
  const id = sha256Hex(secret);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (row === undefined || row.expires_at <= new Date().toISOString() || row.disabled !== 0) return undefined;
  const { csrf_token, expires_at: _expires, ...user } = row;
  return { user, sessionId: id, csrfToken: csrf_token };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
