// Sign in and out. Login sets an HttpOnly, SameSite=Strict session cookie and returns the CSRF token
// the client must send with every mutating request.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { verifyPassword } from '../auth/password.js';
import { createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions.js';
import { ApiError } from '../http/api-error.js';
import { audit } from '../audit/audit.js';
import { publicUser, PublicUserSchema } from './user-view.js';

const LoginBody = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });

export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.post('/api/auth/login', { config: { access: 'public' }, schema: { tags: ['auth'], body: LoginBody, response: { 200: Type.Object({ user: PublicUserSchema, csrfToken: Type.String() }) } } }, async (request, reply) => {
    const { username, password } = request.body as { username: string; password: string };
    const { db, loginLimiter, settings } = app.ctx;
    const wait = loginLimiter.retryAfter(request.ip, username);
    if (wait > 0) throw new ApiError(429, 'ERR_RATE_LIMITED', `too many failed logins; try again in ${wait} s`, undefined, { retryAfterSeconds: wait });
    const user = await db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
    // Hash even for an unknown user, so the time taken does not tell which names exist.
    const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
    if (user === undefined || !ok || user.disabled !== 0) {
      loginLimiter.failed(request.ip, username);
      throw new ApiError(401, 'ERR_BAD_CREDENTIALS', 'wrong user name or password');
    }
    loginLimiter.succeeded(request.ip, username);
    const session = await createSession(db, user.id, settings.sessionSeconds);
    await audit(db, { userId: user.id, action: 'login', entity: 'user', entityId: user.id });
    void reply.setCookie(SESSION_COOKIE, session.secret, { path: '/', httpOnly: true, sameSite: 'strict', secure: settings.secureCookies, expires: session.expiresAt });
    return { user: publicUser(user), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    if (request.auth?.sessionId !== undefined) await deleteSession(app.ctx.db, request.auth.sessionId);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Type.Object({ user: PublicUserSchema, csrfToken: Type.Optional(Type.String()) }) } } }, async (request) => ({
    user: publicUser(request.auth!.user),
    ...(request.auth!.csrfToken !== undefined ? { csrfToken: request.auth!.csrfToken } : {}),
  }));
}

/** scrypt of a random password: verifying against it costs what a real check costs. */
const DUMMY_HASH = 'scrypt$16384$8$1$bm90LWEtcmVhbC1zYWx0$q3W8l9XkqWnK3y0b9Qm2f3wz0m9b1wq5b9tQwq2Yv7Y=';
