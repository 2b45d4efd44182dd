import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@cxrlab/server';
import { postgresProblem, TEST_PG_URL } from '@cxrlab/server/testing';
import { UsageError } from '../io.js';
import { runServe } from './serve.js';

/** One `cxrlab serve` run in this process: its output so far, its URL once listening, a stop. */
interface Serving {
  out: { stdout: string; stderr: string };
  done: Promise<number>;
  /** Resolves with the URL the banner prints, or rejects when the command ended without one. */
  url: Promise<string>;
  stop(): Promise<number>;
}

function serve(args: string[], env: NodeJS.ProcessEnv = {}): Serving {
  const out = { stdout: '', stderr: '' };
  const controller = new AbortController();
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } };
  const done = runServe(args, io, { signal: controller.signal, env });
  let ended = false;
  void done.then(() => (ended = true), () => (ended = true));
  const url = (async () => {
    for (;;) {
      const match = /listening on (http:\/\/\S+)/.exec(out.stdout);
      if (match !== null) return match[1]!;
      if (ended) throw new Error(`serve ended without listening: ${out.stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  void url.catch(() => undefined); // awaited by the tests that expect a start
  return { out, done, url, stop: () => (controller.abort(), done) };
}

/** A session over real HTTP: the cookie and the CSRF token a login returned. */
interface Session {
  cookie: string;
  csrfToken: string;
  userId: number;
}

async function login(url: string, username: string, password: string): Promise<{ status: number; session?: Session }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as { csrfToken?: string; user?: { id: number } };
  if (response.status !== 200) return { status: response.status };
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('cxrlab_session='));
  assert.ok(cookie, 'the login sets the session cookie');
  return { status: 200, session: { cookie, csrfToken: body.csrfToken!, userId: body.user!.id } };
}

async function call(url: string, session: Session, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

/** The generated password the banner shows, if any. */
const generatedPassword = (stdout: string): string | undefined => /not shown again:\n\n {4}(\S+)\n/.exec(stdout)?.[1];

const count = (text: string, part: string): number => text.split(part).length - 1;

const ADMIN_PASSWORD = 'serve-test-admin-pw';
/** The repository root (above packages/cli/dist/commands). */
const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cxrlab-serve-test-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('cxrlab serve', () => {
  it('serves over HTTP, logs in with $CXRLAB_ADMIN_PASSWORD, stops on the signal, and keeps the data on restart', async () => {
    const dir = dataDir();
    const first = serve(['--port', '0', '--data', dir], { CXRLAB_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const url = await first.url;
    assert.match(url, /^http:\/\/localhost:\d+$/);
    assert.notEqual(url, 'http://localhost:0');

    const health = await fetch(`${url}/api/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { ok: true });

    // the browser app (built by `npm run build`, which `npm test` runs first) at / and at its pages' paths
    const page = await fetch(`${url}/read/DEMO-TRAIN?task=3`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /<div id="root"><\/div>/);
    assert.ok(first.out.stdout.includes(`web app   ${url}/ (sign in there)`), first.out.stdout);

    const admin = await login(url, 'admin', ADMIN_PASSWORD);
    assert.equal(admin.status, 200);
    assert.equal((await login(url, 'admin', 'not-the-password')).status, 401);
    // some work to find again after the restart
    const created = await call(url, admin.session!, 'POST', '/api/users', { username: 'reader1', password: 'reader1-password' });
    assert.equal(created.status, 201);

    const banner = first.out.stdout;
    assert.ok(banner.includes(`data dir  ${dir}`), banner);
    assert.ok(banner.includes(`database  ${join(dir, 'cxrlab.sqlite')} (SQLite)`), banner);
    assert.ok(banner.includes(`curl -c jar -H 'content-type: application/json' -d '{"username":"admin","password":"PASSWORD"}' ${url}/api/auth/login`), banner);
    assert.ok(banner.includes('created the administrator "admin" with the password in $CXRLAB_ADMIN_PASSWORD'), banner);
    assert.ok(banner.includes('POST /api/auth/password') && banner.includes('PATCH /api/users/:id'), banner);
    assert.equal(count(banner, ADMIN_PASSWORD), 0, 'a password from the environment is never printed');
    assert.equal(generatedPassword(banner), undefined);

    assert.equal(await first.stop(), 0);
    assert.match(first.out.stdout, /stopping\ncxrlab serve: stopped\n$/);
    assert.equal(first.out.stderr, '');
    await assert.rejects(fetch(`${url}/api/health`), 'the port is closed after the stop');

    // restart on the same data dir, without the variable: nothing created, nothing printed, data kept
    const second = serve(['--port', '0', '--data', dir]);
    const url2 = await second.url;
    assert.ok(!second.out.stdout.includes('created the administrator'), second.out.stdout);
    assert.equal(generatedPassword(second.out.stdout), undefined);
    assert.equal((await login(url2, 'admin', ADMIN_PASSWORD)).status, 200);
    assert.equal((await login(url2, 'reader1', 'reader1-password')).status, 200);
    assert.equal(await second.stop(), 0);
  });

  it('serves the API alone with --api-only', async () => {
    const server = serve(['--port', '0', '--data', dataDir(), '--api-only'], { CXRLAB_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const url = await server.url;
    assert.ok(server.out.stdout.includes('web app   off (--api-only)'), server.out.stdout);
    try {
      const page = await fetch(`${url}/read/X`);
      assert.equal(page.status, 404, 'no app: a page path is an unknown route');
      assert.equal(((await page.json()) as { error: { code: string } }).error.code, 'ERR_NOT_FOUND');
      assert.equal((await fetch(`${url}/api/health`)).status, 200);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });

  it('prints a generated password exactly once, at the first start only', async () => {
    const dir = dataDir();
    const first = serve(['--port', '0', '--data', dir]);
    const url = await first.url;
    const password = generatedPassword(first.out.stdout);
    assert.ok(password !== undefined && password.length >= 16, first.out.stdout);
    assert.equal(count(first.out.stdout, password), 1);
    assert.ok(first.out.stdout.includes('not shown again'));
    assert.equal((await login(url, 'admin', password)).status, 200);
    assert.equal(await first.stop(), 0);

    const second = serve(['--port', '0', '--data', dir], { CXRLAB_ADMIN_PASSWORD: 'ignored-once-users-exist' });
    const url2 = await second.url;
    assert.equal(count(second.out.stdout, password), 0);
    assert.ok(!second.out.stdout.includes('created the administrator'));
    assert.equal((await login(url2, 'admin', password)).status, 200);
    assert.equal((await login(url2, 'admin', 'ignored-once-users-exist')).status, 401);
    assert.equal(await second.stop(), 0);
  });

  describe('a port in use', () => {
    let blocker: Server;
    let port: number;
    before(async () => {
      blocker = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      port = (blocker.address() as AddressInfo).port;
    });
    after(() => new Promise<void>((r) => blocker.close(() => r())));

    it('fails with one clear line and exit code 1, and does not use up the first password', async () => {
      const dir = dataDir();
      const run = serve(['--port', String(port), '--host', '127.0.0.1', '--data', dir]);
      assert.equal(await run.done, 1);
      assert.equal(run.out.stdout, '');
      assert.equal(count(run.out.stderr, '\n'), 1, run.out.stderr);
      assert.match(run.out.stderr, new RegExp(`^cxrlab serve: port ${port} on 127\\.0\\.0\\.1 is already in use: .*--port`));
      assert.ok(!run.out.stderr.includes(' at '), 'no stack trace');

      // the next start on a free port is still the first start: it creates the administrator
      const next = serve(['--port', '0', '--data', dir]);
      const url = await next.url;
      const password = generatedPassword(next.out.stdout);
      assert.ok(password !== undefined, next.out.stdout);
      assert.equal((await login(url, 'admin', password)).status, 200);
      assert.equal(await next.stop(), 0);
    });
  });

  it('--log logs each request as a JSON line to stdout, without the password', async () => {
    const run = serve(['--port', '0', '--data', dataDir(), '--log'], { CXRLAB_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const url = await run.url;
    assert.equal((await fetch(`${url}/api/health`)).status, 200);
    assert.equal((await login(url, 'admin', ADMIN_PASSWORD)).status, 200);
    assert.equal(await run.stop(), 0);
    const entries = run.out.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { req?: { url: string }; res?: { statusCode: number } });
    assert.ok(entries.some((e) => e.req?.url === '/api/health'), run.out.stdout);
    assert.ok(entries.some((e) => e.res?.statusCode === 200));
    assert.equal(count(run.out.stdout, ADMIN_PASSWORD), 0);
  });

  it('refuses a bad port, an unknown option, a too short $CXRLAB_ADMIN_PASSWORD', async () => {
    await assert.rejects(runServe(['--port', '70000'], { stdout: { write: () => 0 }, stderr: { write: () => 0 } }), (e: Error) => e instanceof UsageError && /--port must be a whole number from 0 to 65535/.test(e.message));
    await assert.rejects(runServe(['--prot', '1'], { stdout: { write: () => 0 }, stderr: { write: () => 0 } }), UsageError);
    const run = serve(['--port', '0', '--data', dataDir()], { CXRLAB_ADMIN_PASSWORD: 'short' });
    assert.equal(await run.done, 1);
    assert.match(run.out.stderr, /^cxrlab serve: the first administrator's password \(CXRLAB_ADMIN_PASSWORD\): a password needs at least 10 characters\n$/);
  });

  it('names an unreachable database in one line without its password', async () => {
    const run = serve(['--port', '0', '--data', dataDir(), '--db', 'postgres://someone:pg-secret-1@127.0.0.1:1/nothing']);
    assert.equal(await run.done, 1);
    assert.match(run.out.stderr, /^cxrlab serve: cannot open the database postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nothing: .*ECONNREFUSED.*\n$/);
    assert.ok(!run.out.stderr.includes('pg-secret-1'));
  });

  it('runs on PostgreSQL and prints the URL without its password', async (t) => {
    const problem = await postgresProblem();
    if (problem !== undefined) return t.skip(problem);
    const schema = `serve_${process.pid}_${Date.now().toString(36)}`;
    // a schema of its own (created and migrated here, dropped at the end)
    const own = await openDatabase({ url: TEST_PG_URL, schema, poolSize: 1 });
    try {
      // the local server trusts the connection: the password in the URL is only there to be hidden
      const withPassword = new URL(TEST_PG_URL);
      withPassword.password = 'pg-secret-2';
      withPassword.searchParams.set('options', `-c search_path=${schema}`);
      const run = serve(['--port', '0', '--data', dataDir(), '--db', withPassword.toString()], { CXRLAB_ADMIN_PASSWORD: ADMIN_PASSWORD });
      const url = await run.url;
      assert.equal((await login(url, 'admin', ADMIN_PASSWORD)).status, 200);
      assert.ok(run.out.stdout.includes(':***@') && run.out.stdout.includes('(PostgreSQL)'), run.out.stdout);
      assert.ok(!run.out.stdout.includes('pg-secret-2'));
      const users = await own.db.selectFrom('users').select('username').execute();
      assert.deepEqual(users.map((r) => r.username), ['admin']);
      assert.equal(await run.stop(), 0);
    } finally {
      await own.db.schema.dropSchema(schema).cascade().execute();
      await own.close();
    }
  });

  it('--demo seeds the demo projects once, prints their users\' generated password once, and keeps them on restart', async () => {
    const dir = dataDir();
    const first = serve(['--port', '0', '--data', dir, '--demo'], { CXRLAB_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const url = await first.url;
    const banner = first.out.stdout;
    const demoPassword = generatedPassword(banner);
    assert.ok(demoPassword !== undefined, banner);
    assert.equal(count(banner, demoPassword), 1);
    assert.ok(banner.includes('ann1, ann2, ann3 (annotators), rev1, rev2 (reviewers)'), banner);
    // the documented demo: 6 synthetic training images (and the real chest fixture when it is there), 4 test images
    const trainImages = 6 + (existsSync(resolve(REPOSITORY, '..', 'shared', 'fixtures', 'dicom', 'cr', 'RG1_JLSN.dcm')) ? 1 : 0);
    assert.ok(banner.includes(`DEMO-TRAIN  independent, 3 reads per image: ${trainImages} images, ${3 * trainImages} reading tasks`), banner);
    assert.ok(banner.includes('DEMO-TEST   consensus, 3 reads per image then 2 reviewers: 4 images, 12 reading tasks'), banner);
    assert.ok(!banner.includes('warning'), banner);

    const admin = (await login(url, 'admin', ADMIN_PASSWORD)).session!;
    const listed = await call(url, admin, 'GET', '/api/projects');
    assert.deepEqual(listed.body.projects.map((p: { key: string }) => p.key).sort(), ['DEMO-TEST', 'DEMO-TRAIN']);
    for (const user of ['ann1', 'ann2', 'ann3', 'rev1', 'rev2']) assert.equal((await login(url, user, demoPassword)).status, 200, user);
    // an annotator gets a task with a de-identified image whose pixels the server serves
    const ann1 = (await login(url, 'ann1', demoPassword)).session!;
    const next = await call(url, ann1, 'GET', '/api/projects/DEMO-TRAIN/tasks/next');
    assert.equal(next.status, 200);
    const pixels = await fetch(`${url}/api/images/${next.body.image.id}/pixels`, { headers: { cookie: ann1.cookie } });
    assert.equal(pixels.status, 200);
    assert.equal(await first.stop(), 0);

    const tasksOf = async (): Promise<Record<string, number>> => {
      const opened = await openDatabase({ dataDir: dir });
      try {
        const rows = await opened.db.selectFrom('tasks').innerJoin('projects', 'projects.id', 'tasks.project_id').innerJoin('users', 'users.id', 'tasks.user_id')
          .select(['projects.key', 'users.username', 'tasks.kind']).execute();
        const out: Record<string, number> = {};
        for (const r of rows) out[`${r.key} ${r.kind} ${r.username}`] = (out[`${r.key} ${r.kind} ${r.username}`] ?? 0) + 1;
        return out;
      } finally {
        await opened.close();
      }
    };
    const expected = {
      'DEMO-TRAIN annotate ann1': trainImages, 'DEMO-TRAIN annotate ann2': trainImages, 'DEMO-TRAIN annotate ann3': trainImages,
      'DEMO-TEST annotate ann1': 4, 'DEMO-TEST annotate ann2': 4, 'DEMO-TEST annotate ann3': 4,
    };
    assert.deepEqual(await tasksOf(), expected);

    const second = serve(['--port', '0', '--data', dir, '--demo']);
    const url2 = await second.url;
    assert.equal(count(second.out.stdout, demoPassword), 0);
    assert.ok(second.out.stdout.includes('seeded at an earlier start'), second.out.stdout);
    assert.equal((await login(url2, 'rev1', demoPassword)).status, 200);
    assert.equal(await second.stop(), 0);
    assert.deepEqual(await tasksOf(), expected, 'nothing duplicated');
  });

  it('stops cleanly on SIGINT and SIGTERM as a process (exit code 0)', async () => {
    const command = resolve(dirname(fileURLToPath(import.meta.url)), 'serve.js');
    // serveCommand.run as the cxrlab binary runs it: with the process's streams and signals
    const script = `const { serveCommand } = await import(${JSON.stringify(command)}); process.exitCode = await serveCommand.run(process.argv.slice(1), { stdout: process.stdout, stderr: process.stderr });`;
    const dir = dataDir();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script, '--', '--port', '0', '--data', dir], { env: { ...process.env, CXRLAB_ADMIN_PASSWORD: ADMIN_PASSWORD }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      for (let waited = 0; !/listening on http/.test(stdout); waited += 20) {
        assert.ok(waited < 30_000 && child.exitCode === null, `no URL: ${stdout} ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const url = /listening on (\S+)/.exec(stdout)![1]!;
      assert.equal((await fetch(`${url}/api/health`)).status, 200);
      child.kill(signal);
      assert.equal(await exited, 0, `${signal}: ${stderr}`);
      assert.match(stdout, /cxrlab serve: stopped\n$/);
    }
  });
});
