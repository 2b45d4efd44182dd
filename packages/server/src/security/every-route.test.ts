// Every route of the API, found from the OpenAPI document (so a new route is covered the day it is
// added): refused without credentials (but health and login), refused without the CSRF token when
// mutating with a session cookie, and never a 500 for malformed input.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ApiClient, createTestServer, forEachDialect, type TestServer } from '../testing/index.js';

const PUBLIC = new Set(['GET /api/health', 'POST /api/auth/login']);
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Route {
  method: string;
  url: string;
}

async function routesOf(server: TestServer): Promise<Route[]> {
  const doc = await server.admin.get('/api/openapi.json');
  assert.equal(doc.status, 200);
  const routes: Route[] = [{ method: 'GET', url: '/api/openapi.json' }];
  for (const [path, methods] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
    const url = path.replace(/\{\*\}/g, 'x.csv').replace(/\{[^}]+\}/g, (name) => (/key/i.test(name) ? 'PROJ' : '1'));
    for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), url });
  }
  return routes;
}

await forEachDialect('every route', (dialect) => {
  let server: TestServer;
  let routes: Route[];
  before(async () => {
    server = await createTestServer(dialect);
    assert.equal((await server.admin.post('/api/projects', { key: 'PROJ', name: 'p', template: 'vindr-train' })).status, 201);
    routes = await routesOf(server);
  });
  after(() => server.close());

  it('the document lists the API (at least 40 operations)', () => {
    assert.ok(routes.length >= 40, `${routes.length} routes`);
  });

  it('refuses callers without credentials, except health and login', async () => {
    const anonymous = new ApiClient(server.app);
    for (const route of routes) {
      if (PUBLIC.has(`${route.method} ${route.url}`)) continue;
      const response = await anonymous.request(route.method, route.url, MUTATING.has(route.method) && route.method !== 'DELETE' ? {} : undefined);
      assert.equal(response.status, 401, `${route.method} ${route.url}: ${response.status}`);
      assert.equal(response.body.error.code, 'ERR_UNAUTHENTICATED');
    }
  });

  it('refuses cookie-authenticated mutations without the CSRF token', async () => {
    const noCsrf = new ApiClient(server.app, { cookie: server.admin.credentials.cookie! });
    for (const route of routes.filter((r) => MUTATING.has(r.method) && !PUBLIC.has(`${r.method} ${r.url}`))) {
      const response = await noCsrf.request(route.method, route.url, route.method === 'DELETE' ? undefined : {});
      assert.equal(response.status, 403, `${route.method} ${route.url}`);
      assert.equal(response.body.error.code, 'ERR_CSRF');
    }
  });

  it('answers malformed bodies and query strings with a coded 4xx, never a 500 or a stack trace', async () => {
    const bodies = ['{', '[]', '"text"', '{"version":"one","globals":7,"boxes":{"x":1}}', '{"__proto__":{"admin":true}}', 'null'];
    for (const route of routes) {
      const attempts: Array<{ url: string; body?: string }> = [{ url: `${route.url}?limit=abc&offset=-5&split=nowhere&kind=x&status=y` }];
      if (MUTATING.has(route.method) && route.method !== 'DELETE') for (const body of bodies) attempts.push({ url: route.url, body });
      for (const attempt of attempts) {
        const response = await server.admin.request(route.method, attempt.url, attempt.body, attempt.body === undefined ? {} : { 'content-type': 'application/json' });
        const where = `${route.method} ${attempt.url} ${attempt.body ?? ''}`;
        assert.ok(response.status < 500, `${where}: ${response.status} ${JSON.stringify(response.body)}`);
        if (response.status >= 400) {
          assert.match(response.body.error.code, /^ERR_[A-Z_]+$/, where);
          assert.ok(!JSON.stringify(response.body).includes('    at '), `${where}: a stack trace`);
        }
      }
    }
  });
});
