// Users (administrators manage them; everyone may change their own password) and API tokens.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { Type } from 'typebox';
import { createApiToken } from '../auth/api-tokens.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { deleteUserSessions } from '../auth/sessions.js';
import { audit } from '../audit/audit.js';
import { now } from '../db/dialect.js';
import { ApiError, badRequest, conflict, notFound } from '../http/api-error.js';
import { IdParam, Username } from '../http/schemas.js';
import { publicUser, PublicUserSchema } from './user-view.js';

const NewUser = Type.Object(
  { username: Username, displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), password: Type.String({ minLength: 1, maxLength: 200 }), isAdmin: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const UserPatch = Type.Object(
  { displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), isAdmin: Type.Optional(Type.Boolean()), disabled: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
const PasswordChange = Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ maxLength: 200 }) }, { additionalProperties: false });

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.ctx;

  app.get('/api/users', { config: { access: 'admin' }, schema: { tags: ['users'], response: { 200: Type.Object({ users: Type.Array(PublicUserSchema) }) } } }, async () => ({
    users: (await db.selectFrom('users').selectAll().orderBy('id').execute()).map(publicUser),
  }));

  app.post('/api/users', { config: { access: 'admin' }, schema: { tags: ['users'], body: NewUser, response: { 201: PublicUserSchema } } }, async (request, reply) => {
    const body = request.body as { username: string; displayName?: string; password: string; isAdmin?: boolean };
    const problem = passwordProblem(body.password);
    if (problem !== undefined) throw badRequest(problem, 'body.password');
    const existing = await db.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
    if (existing !== undefined) throw conflict(`user ${body.username} exists`);
    const user = await createUser(db, { username: body.username, displayName: body.displayName ?? body.username, password: body.password, isAdmin: body.isAdmin ?? false }, request.auth!.user.id);
    return reply.status(201).send(publicUser(user));
  });

  app.patch('/api/users/:id', { config: { access: 'admin' }, schema: { tags: ['users'], params: Type.Object({ id: IdParam }), body: UserPatch, response: { 200: PublicUserSchema } } }, async (request) => {
    const { id } = request.params as { id: number };
    const body = request.body as { displayName?: string; password?: string; isAdmin?: boolean; disabled?: boolean };
    if (body.password !== undefined) {
      const problem = passwordProblem(body.password);
      if (problem !== undefined) throw badRequest(problem, 'body.password');
    }
    if (id === request.auth!.user.id && (body.isAdmin === false || body.disabled === true)) throw badRequest('administrators cannot demote or disable themselves', body.disabled === true ? 'body.disabled' : 'body.isAdmin');
    const update = {
      ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
      ...(body.password !== undefined ? { password_hash: await hashPassword(body.password) } : {}),
      ...(body.isAdmin !== undefined ? { is_admin: body.isAdmin ? 1 : 0 } : {}),
      ...(body.disabled !== undefined ? { disabled: body.disabled ? 1 : 0 } : {}),
    };
    const user = await db.transaction().execute(async (tx) => {
      const found = await tx.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst();
      if (found === undefined) throw notFound(`user ${id}`);
      if (Object.keys(update).length > 0) await tx.updateTable('users').set(update).where('id', '=', id).execute();
      await audit(tx, { userId: request.auth!.user.id, action: 'update', entity: 'user', entityId: id, detail: { fields: Object.keys(body) } });
      return tx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    });
    if (body.password !== undefined || body.disabled === true) await deleteUserSessions(db, id);
    return publicUser(user);
  });

  app.post('/api/auth/password', { schema: { tags: ['auth'], body: PasswordChange } }, async (request) => {
    const { currentPassword, newPassword } = request.body as { currentPassword: string; newPassword: string };
    const user = request.auth!.user;
    if (!(await verifyPassword(currentPassword, user.password_hash))) throw new ApiError(403, 'ERR_BAD_CREDENTIALS', 'the current password is wrong', 'body.currentPassword');
    const problem = passwordProblem(newPassword);
    if (problem !== undefined) throw badRequest(problem, 'body.newPassword');
    await db.updateTable('users').set({ password_hash: await hashPassword(newPassword) }).where('id', '=', user.id).execute();
    await audit(db, { userId: user.id, action: 'change-password', entity: 'user', entityId: user.id });
    return { ok: true };
  });

  const TokenSchema = Type.Object({ id: Type.Integer(), name: Type.String(), createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]), revoked: Type.Boolean() });
  app.get('/api/tokens', { schema: { tags: ['auth'], response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }) } } }, async (request) => ({
    tokens: (await db.selectFrom('api_tokens').selectAll().where('user_id', '=', request.auth!.user.id).orderBy('id').execute()).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at,
      lastUsedAt: t.last_used_at,
      revoked: t.revoked_at !== null,
    })),
  }));
  app.post('/api/tokens', { schema: { tags: ['auth'], body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }), response: { 201: Type.Object({ id: Type.Integer(), token: Type.String() }) } } }, async (request, reply) => {
    const created = await createApiToken(db, request.auth!.user.id, (request.body as { name: string }).name);
    await audit(db, { userId: request.auth!.user.id, action: 'create', entity: 'api-token', entityId: created.id });
    return reply.status(201).send(created);
  });
  app.delete('/api/tokens/:id', { schema: { tags: ['auth'], params: Type.Object({ id: IdParam }) } }, async (request) => {
    const { id } = request.params as { id: number };
    const result = await db.updateTable('api_tokens').set({ revoked_at: now() }).where('id', '=', id).where('user_id', '=', request.auth!.user.id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound(`token ${id}`);
    await audit(db, { userId: request.auth!.user.id, action: 'revoke', entity: 'api-token', entityId: id });
    return { ok: true };
  });
}

/** Creates a user (audited); `passwordHash`, when given, is stored as is instead of hashing `password`. */
export async function createUser(db: Kysely<Database>, user: { username: string; displayName: string; password: string; isAdmin: boolean; passwordHash?: string }, byUserId: number | null) {
  const hash = user.passwordHash ?? (await hashPassword(user.password));
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({ username: user.username, display_name: user.displayName, password_hash: hash, is_admin: user.isAdmin ? 1 : 0, disabled: 0, created_at: now() })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, { userId: byUserId, action: 'create', entity: 'user', entityId: row.id, detail: { username: row.username, isAdmin: user.isAdmin } });
    return row;
  });
}
