// API tokens for scripts: `cxr_` + 256 random bits, shown once; the database keeps its SHA-256.
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/database.js';
import { now } from '../db/dialect.js';
import { randomSecret, sha256Hex } from './secrets.js';

export const TOKEN_PREFIX = 'cxr_';

export async function createApiToken(db: Kysely<Database>, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = TOKEN_PREFIX + randomSecret();
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: sha256Hex(token), created_at: now(), last_used_at: null, revoked_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findTokenUser(db: Kysely<Database>, token: string): Promise<User | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', sha256Hex(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  return row === undefined || row.disabled !== 0 ? undefined : row;
}
