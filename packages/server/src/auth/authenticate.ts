// The onRequest hook that every route passes: who is calling (session cookie or Bearer token), whether
// the route lets them in (its config.access: public, user by default, admin), and CSRF for cookie
// sessions: a mutating request must echo the session's token in the X-CSRF-Token header.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error.js';
import { findTokenUser } from './api-tokens.js';
import { sameSecret } from './secrets.js';
import { CSRF_HEADER, findSession, SESSION_COOKIE } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('auth', undefined);
  app.addHook('onRequest', async (request) => {
    // A path outside /api that no route took is the web app's (its index.html, which holds no data).
    const access = request.routeOptions.config?.access ?? (request.is404 && !isApiPath(request.url) ? 'public' : 'user');
    request.auth = await identify(app, request);
    if (access === 'public') return;
    const auth = request.auth;
    if (auth === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'sign in first (session cookie or Authorization: Bearer token)');
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || auth.csrfToken === undefined || !sameSecret(sent, auth.csrfToken)) {
        throw new ApiError(403, 'ERR_CSRF', `a ${request.method} with a session cookie needs the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    if (access === 'admin' && auth.user.is_admin !== 1) throw new ApiError(403, 'ERR_FORBIDDEN', 'only administrators may do this');
  });
}

const isApiPath = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

async function identify(app: FastifyInstance, request: FastifyRequest): Promise<FastifyRequest['auth']> {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) {
    const user = await findTokenUser(app.ctx.db, header.slice('Bearer '.length).trim());
    if (user === undefined) throw new ApiError(401, 'ERR_UNAUTHENTICATED', 'the API token is unknown, revoked or its user disabled');
    return { user, via: 'token' };
  }
  const secret = request.cookies[SESSION_COOKIE];
  if (secret === undefined || secret === '') return undefined;
  const found = await findSession(app.ctx.db, secret);
  return found === undefined ? undefined : { user: found.user, via: 'session', csrfToken: found.csrfToken, sessionId: found.sessionId };
}
