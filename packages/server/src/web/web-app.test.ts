// The browser app is served by the API's process: its files are public (they hold no data), every path
// outside /api that no route takes answers index.html (so a reload of /read/KEY opens the app there),
// hashed assets are cached for a year, and nothing about /api changes: unknown API paths still need a
// session, and the API's own 404s stay JSON.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { DEFAULT_SETTINGS } from '../context.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { openDatabase, type OpenDatabase } from '../db/connect.js';
import { WEB_APP_CSP } from './web-app.js';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('the web app served at /', () => {
  let dir: string;
  let opened: OpenDatabase;
  let app: FastifyInstance;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxrlab-web-app-'));
    const root = join(dir, 'bundle');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    opened = await openDatabase({ dataDir: dir });
    const ctx = { db: opened.db, dialect: opened.dialect, dataDir: dir, settings: DEFAULT_SETTINGS, loginLimiter: new LoginLimiter() };
    app = await buildApp(ctx, { webRoot: root });
  });
  after(async () => {
    await app.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const path of ['/', '/read/VINDR-TRAIN?task=12', '/admin/projects/X', '/review/K']) {
    it(`GET ${path} answers index.html without a session, with the CSP, never cached`, async () => {
      const res = await app.inject({ method: 'GET', url: path });
      assert.equal(res.statusCode, 200);
      assert.equal(res.body, INDEX);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['content-security-policy'], WEB_APP_CSP);
      assert.equal(res.headers['cache-control'], 'no-cache');
    });
  }

  it('serves hashed assets for a year and other files revalidated, without a session', async () => {
    const js = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(js.statusCode, 200);
    assert.equal(js.body, 'console.log("app")');
    assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    assert.equal(icon.statusCode, 200);
    assert.equal(icon.headers['cache-control'], 'no-cache');
  });

  it('leaves /api alone: unknown API paths need a session, and answer JSON', async () => {
    for (const url of ['/api/nothing', '/api', '/api/projects/X/nothing']) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 401, url);
      assert.equal(res.json().error.code, 'ERR_UNAUTHENTICATED');
    }
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    assert.deepEqual(health.json(), { ok: true });
  });

  it('answers a POST outside /api with a JSON 404, not the app', async () => {
    const res = await app.inject({ method: 'POST', url: '/read/X', payload: {} });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'ERR_NOT_FOUND');
  });

  it('does not serve files outside the bundle', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/../../cxrlab.sqlite' });
    assert.notEqual(res.body.slice(0, 15), 'SQLite format 3');
  });

  it('refuses to start when the bundle is not built, saying how to build it', async () => {
    const ctx = { db: opened.db, dialect: opened.dialect, dataDir: dir, settings: DEFAULT_SETTINGS, loginLimiter: new LoginLimiter() };
    await assert.rejects(buildApp(ctx, { webRoot: join(dir, 'missing') }), (e: Error) => e.name === 'WebAppError' && /npm run build/.test(e.message) && e.message.includes(join(dir, 'missing', 'index.html')));
  });
});
