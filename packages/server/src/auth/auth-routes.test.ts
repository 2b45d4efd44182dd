import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ApiClient, createTestServer, forEachDialect, TEST_PASSWORD, type TestServer } from '../testing/index.js';

await forEachDialect('authentication and users', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect, { loginLimits: { perAccount: 3, perAddress: 100, windowMs: 60_000 } });
  });
  after(() => server.close());

  it('refuses every API route without credentials, except health and login', async () => {
    const anonymous = new ApiClient(server.app);
    for (const url of ['/api/users', '/api/auth/me', '/api/openapi.json', '/api/tokens']) {
      const response = await anonymous.get(url);
      assert.equal(response.status, 401, url);
      assert.equal(response.body.error.code, 'ERR_UNAUTHENTICATED');
    }
    assert.equal((await anonymous.get('/api/health')).status, 200);
  });

  it('logs in with an HttpOnly SameSite=Strict cookie and returns the CSRF token', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    assert.equal(response.statusCode, 200);
    const cookie = response.cookies.find((c) => c.name === 'cxrlab_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.match(response.json().csrfToken, /^[\w-]{20,}$/);
    assert.equal(response.json().user.username, 'admin');
    assert.equal(response.json().user.password_hash, undefined);
  });

  it('wrong passwords get 401, then 429 with Retry-After once the limit is reached', async () => {
    await server.user('victim');
    const anonymous = new ApiClient(server.app);
    for (let i = 0; i < 3; i++) {
      const r = await anonymous.post('/api/auth/login', { username: 'victim', password: 'wrong password!' });
      assert.equal(r.status, 401);
      assert.equal(r.body.error.code, 'ERR_BAD_CREDENTIALS');
    }
    const limited = await anonymous.post('/api/auth/login', { username: 'victim', password: TEST_PASSWORD });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers['retry-after']) > 0);
  });

  it('a cookie-authenticated mutation without the CSRF token is refused', async () => {
    const withoutCsrf = new ApiClient(server.app, { cookie: server.admin.credentials.cookie! });
    const r = await withoutCsrf.post('/api/tokens', { name: 'x' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'ERR_CSRF');
    const wrong = new ApiClient(server.app, { cookie: server.admin.credentials.cookie!, csrfToken: 'x'.repeat(32) });
    assert.equal((await wrong.post('/api/tokens', { name: 'x' })).status, 403);
    assert.equal((await server.admin.post('/api/tokens', { name: 'x' })).status, 201);
  });

  it('API tokens authenticate scripts without CSRF, and stop working once revoked', async () => {
    const created = await server.admin.post('/api/tokens', { name: 'script' });
    assert.match(created.body.token, /^cxr_/);
    const script = new ApiClient(server.app, { token: created.body.token });
    assert.equal((await script.get('/api/auth/me')).body.user.username, 'admin');
    assert.equal((await script.post('/api/tokens', { name: 'from-script' })).status, 201);
    assert.equal((await server.admin.delete(`/api/tokens/${created.body.id}`)).status, 200);
    assert.equal((await script.get('/api/auth/me')).status, 401);
    assert.equal((await new ApiClient(server.app, { token: 'cxr_forged' }).get('/api/auth/me')).status, 401);
  });

  it('only administrators manage users; members get 403', async () => {
    const member = await server.user('member1');
    assert.equal((await member.get('/api/users')).status, 403);
    assert.equal((await member.post('/api/users', { username: 'x1', password: 'long enough pw' })).status, 403);
    const created = await server.admin.post('/api/users', { username: 'reader7', password: 'long enough pw', displayName: 'Reader Seven' });
    assert.equal(created.status, 201);
    assert.equal(created.body.displayName, 'Reader Seven');
    const stored = await server.ctx.db.selectFrom('users').select('password_hash').where('username', '=', 'reader7').executeTakeFirstOrThrow();
    assert.match(stored.password_hash, /^scrypt\$16384\$8\$1\$/, 'real users get the full scrypt cost');
    assert.equal((await server.admin.post('/api/users', { username: 'reader7', password: 'long enough pw' })).status, 409);
  });

  it('bad JSON and wrong types get a 400 naming the field, never a 500', async () => {
    const badJson = await server.admin.request('POST', '/api/users', '{"username": ', { 'content-type': 'application/json' });
    assert.equal(badJson.status, 400);
    assert.equal(badJson.body.error.code, 'ERR_BAD_JSON');
    const wrongType = await server.admin.post('/api/users', { username: 'abc', password: 12345678901 });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.error.field, 'body.password');
    const missing = await server.admin.post('/api/users', { username: 'abc' });
    assert.equal(missing.body.error.field, 'body.password');
    const extra = await server.admin.post('/api/users', { username: 'abc', password: 'long enough pw', role: 'god' });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.field, 'body.role');
    const shortPassword = await server.admin.post('/api/users', { username: 'abc', password: 'short' });
    assert.equal(shortPassword.body.error.field, 'body.password');
    const badParam = await server.admin.patch('/api/users/abc', { displayName: 'x' });
    assert.equal(badParam.status, 400);
    assert.equal(badParam.body.error.field, 'params.id');
  });

  it('a disabled user is signed out and cannot sign in', async () => {
    const member = await server.user('leaver');
    assert.equal((await member.get('/api/auth/me')).status, 200);
    assert.equal((await server.admin.patch(`/api/users/${member.userId}`, { disabled: true })).status, 200);
    assert.equal((await member.get('/api/auth/me')).status, 401);
    assert.equal((await new ApiClient(server.app).post('/api/auth/login', { username: 'leaver', password: TEST_PASSWORD })).status, 401);
  });

  it('serves the OpenAPI document to signed-in callers', async () => {
    const doc = await server.admin.get('/api/openapi.json');
    assert.equal(doc.status, 200);
    assert.match(doc.body.openapi, /^3\./);
    assert.ok(doc.body.paths['/api/auth/login']);
  });

  it('the audit log is append-only in the database itself', async () => {
    const { sql } = await import('kysely');
    await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(server.ctx.db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_log`.execute(server.ctx.db), /append-only/);
  });
});
