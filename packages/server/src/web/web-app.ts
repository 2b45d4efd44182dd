// Serves the browser app (@cxrlab/web's built bundle) from the API's own process: the hashed assets
// with a year's caching, and index.html (never cached) for every other GET outside /api, so that a
// reload of /read/KEY opens the app there. The app shell holds no data: every route of it is public,
// and everything it shows comes from the authenticated API. A strict Content-Security-Policy keeps
// scripts, connections and workers to this origin.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface WebApp {
  /** Answers a GET that no route took with index.html (undefined: not the app's to answer). */
  fallback(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined;
}

export class WebAppError extends Error {
  override readonly name = 'WebAppError';
}

export async function installWebApp(app: FastifyInstance, root: string): Promise<WebApp> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) throw new WebAppError(`the web app is not built: ${indexFile} is missing (run \`npm run build\`)`);
  const indexHtml = readFileSync(indexFile);
  await app.register(async (scope) => {
    // Every file of the bundle is public (the login page is one of them).
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object | undefined), access: 'public' } as typeof route.config;
    });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(res, path) {
        const hashed = path.includes(`${join(root, 'assets')}`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (path.endsWith('.html')) res.header('content-security-policy', WEB_APP_CSP);
      },
    });
  });
  return {
    fallback(request, reply) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
      const path = request.url.split('?')[0] ?? '';
      if (path === '/api' || path.startsWith('/api/')) return undefined;
      return reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('content-security-policy', WEB_APP_CSP).send(indexHtml);
    },
  };
}
