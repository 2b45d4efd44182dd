// No acknowledged write is lost when the server dies: a server process takes concurrent annotation
// saves, is killed with SIGKILL mid-load, and every save it answered 200 to must be in the database
// afterwards (for each task: the last acknowledged version with its exact content, or the one
// unacknowledged save that was in flight after it).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createUser } from '../routes/user-routes.js';
import { openDatabase, type OpenDatabase } from '../db/connect.js';
import { now } from '../db/dialect.js';
import { forEachDialect, TEST_PASSWORD, TEST_PG_URL } from '../testing/index.js';
import { VINDR_CXR_SCHEMA, defaultRules } from '@cxrlab/dataset';

const CHILD = join(fileURLToPath(new URL('.', import.meta.url)), 'crash-child.js');
const TASKS = 48;
const WRITERS = 8;
const LOAD_MS = 1500;

interface Ack {
  version: number;
  mark: number;
}

await forEachDialect('crash safety: SIGKILL under load loses no acknowledged save', (dialect) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxrlab-crash-'));
  const schema = `crash_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const open = (): Promise<OpenDatabase> => openDatabase(dialect === 'postgres' ? { url: TEST_PG_URL, schema } : { dataDir });
  after(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') {
      const client = new pg.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });

  it('keeps every acknowledged annotation save', async () => {
    const taskIds = await seed(await open());
    const child = await startChild(dialect, dataDir, schema);
    const cookie = await login(child.url);
    const acked = new Map<number, Ack>();
    const inFlight = new Map<number, number>();
    let mark = 0;
    let stop = false;
    const writer = async (w: number): Promise<void> => {
      const mine = taskIds.filter((_, i) => i % WRITERS === w);
      const versions = new Map(mine.map((id) => [id, 0]));
      for (let round = 0; !stop; round++) {
        const taskId = mine[round % mine.length]!;
        const m = ++mark;
        inFlight.set(taskId, m);
        const response = await fetch(`${child.url}/api/tasks/${taskId}/annotation`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: cookie.cookie, 'x-csrf-token': cookie.csrf },
          body: JSON.stringify({ version: versions.get(taskId), globals: ['Other diseases'], boxes: [{ label: 'Nodule/Mass', xMin: m, yMin: 1, xMax: m + 10, yMax: 11 }] }),
        }).catch(() => undefined);
        if (response === undefined) return; // the server is gone
        if (response.status !== 200) throw new Error(`save answered ${response.status}: ${await response.text()}`);
        const { version } = (await response.json()) as { version: number };
        versions.set(taskId, version);
        acked.set(taskId, { version, mark: m });
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, LOAD_MS));
    child.process.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await child.exited;

    const ackCount = [...acked.values()].reduce((n, a) => n + a.version, 0);
    assert.ok(ackCount >= 50, `only ${ackCount} saves were acknowledged before the kill; the test needs load`);
    const reopened = await open();
    try {
      for (const [taskId, ack] of acked) {
        const task = await reopened.db.selectFrom('tasks').select('version').where('id', '=', taskId).executeTakeFirstOrThrow();
        const boxes = await reopened.db.selectFrom('annotations').select(['x_min', 'kind']).where('task_id', '=', taskId).where('kind', '=', 'local').execute();
        assert.equal(boxes.length, 1, `task ${taskId}: one box`);
        if (task.version === ack.version) assert.equal(boxes[0]!.x_min, ack.mark, `task ${taskId}: the acknowledged content`);
        else {
          assert.equal(task.version, ack.version + 1, `task ${taskId}: version ${task.version}, acknowledged ${ack.version}`);
          assert.equal(boxes[0]!.x_min, inFlight.get(taskId), `task ${taskId}: the in-flight save`);
        }
      }
    } finally {
      await reopened.close();
    }
  });
});

/** A reader with TASKS annotate tasks in a project, written straight into the database. */
async function seed(opened: OpenDatabase): Promise<number[]> {
  const { db } = opened;
  try {
    const user = await createUser(db, { username: 'reader', displayName: 'Reader', password: TEST_PASSWORD, isAdmin: false }, null);
    const t = now();
    const project = await db
      .insertInto('projects')
      .values({ key: 'CRASH', name: 'crash', workflow: 'independent', readers_per_image: 1, reviewers_per_image: 0, schema_json: JSON.stringify(VINDR_CXR_SCHEMA), rules_json: JSON.stringify(defaultRules(VINDR_CXR_SCHEMA)), assignment_seed: 1, created_at: t, created_by: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ project_id: project.id, user_id: user.id, role: 'annotator', active: 1, created_at: t }).execute();
    const ids: number[] = [];
    for (let i = 0; i < TASKS; i++) {
      const image = await db
        .insertInto('images')
        .values({ project_id: project.id, image_id: i.toString(16).padStart(32, '0'), split: 'train', path: '/nonexistent.dicom', file_size: 1, width: 1000, height: 1000, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{}', created_at: t })
        .returning('id')
        .executeTakeFirstOrThrow();
      const task = await db
        .insertInto('tasks')
        .values({ project_id: project.id, image_id: image.id, kind: 'annotate', user_id: user.id, status: 'pending', position: i, version: 0, reading_ms: 0, skip_reason: null, created_at: t, started_at: null, submitted_at: null, updated_at: t })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(task.id);
    }
    return ids;
  } finally {
    await opened.close();
  }
}

async function startChild(dialect: string, dataDir: string, schema: string): Promise<{ url: string; process: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, [CHILD, dialect, dataDir, schema], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const line = text.split('\n')[0];
      if (text.includes('\n') && line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the server process exited (${code}) before listening`)));
  });
  return { url, process: child, exited };
}

async function login(url: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reader', password: TEST_PASSWORD }) });
  assert.equal(response.status, 200);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('cxrlab_session='))!.split(';')[0]!;
  return { cookie, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}
