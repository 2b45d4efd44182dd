// buildApp(ctx): the HTTP API as a Fastify instance, without listening (tests use app.inject). Every
// route is validated against its schema, authenticated by the onRequest hook (config.access), and
// answers errors as { error: { code, message, field } }.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { ServerContext } from './context.js';
import { installAuthentication } from './auth/authenticate.js';
import { installErrorHandler } from './http/error-handler.js';
import { validatorCompiler } from './http/validators.js';
import { authRoutes } from './routes/auth-routes.js';
import { userRoutes } from './routes/user-routes.js';
import { ROUTE_PLUGINS } from './routes/route-plugins.js';
import { installWebApp, type WebApp } from './web/web-app.js';

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** The built browser app (@cxrlab/web's bundle/) to serve at / (default: the API only). */
  webRoot?: string;
}

export async function buildApp(ctx: ServerContext, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: ctx.settings.bodyLimit,
    // Request ids in logs; never echo internals to clients.
    genReqId: () => crypto.randomUUID(),
    ajv: undefined,
  });
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler());
  let webApp: WebApp | undefined;
  installErrorHandler(app, (request, reply) => webApp?.fallback(request, reply));
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'cxrlab labelling platform API', version: '0.1.0', description: 'Projects, blinded multi-reader reading, consensus review, verification rules and exports.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cxrlab_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
  });
  installAuthentication(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['meta'] } }, async () => ({ ok: true }));
  app.get('/api/openapi.json', { schema: { tags: ['meta'], hide: true } }, async () => app.swagger());
  await app.register(authRoutes);
  await app.register(userRoutes);
  for (const plugin of ROUTE_PLUGINS) await app.register(plugin);
  if (options.webRoot !== undefined) webApp = await installWebApp(app, options.webRoot);
  await app.ready();
  return app;
}
