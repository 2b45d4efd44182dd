import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ApiClient } from '../testing/index.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignedStudy, GOOD_READ, taskById, tasksOf, type AssignedStudy } from './tasks.test-fixture.js';

await forEachDialect('next task and worklist', (dialect) => {
  let server: TestServer;
  let study: AssignedStudy;
  let reader: ApiClient;
  before(async () => {
    server = await createTestServer(dialect);
    study = await assignedStudy(server, { annotators: 3, images: 6 });
    reader = study.annotators[0]!;
  });
  after(() => server.close());

  const next = () => reader.get(`/api/projects/${study.project.key}/tasks/next?kind=annotate`);

  it("hands out the reader's tasks in their own shuffled order, each started once", async () => {
    const mine = await tasksOf(server, study, reader);
    const first = await next();
    assert.equal(first.status, 200);
    assert.equal(first.body.task.id, mine[0]!.id);
    assert.equal(first.body.task.position, 0);
    assert.equal(first.body.task.status, 'in_progress');
    assert.equal(first.body.image.imageId.startsWith('s'), true);
    const started = await taskById(server, mine[0]!.id);
    assert.equal(started.status, 'in_progress');
    assert.ok(started.started_at !== null);
    // the task in progress comes back until it is done, even when another pending one is first in order
    await server.ctx.db.updateTable('tasks').set({ position: 100 }).where('id', '=', mine[0]!.id).execute();
    assert.equal((await next()).body.task.id, mine[0]!.id);
    assert.equal((await next()).body.task.started_at, undefined);
    const order: number[] = [];
    let current = (await next()).body;
    while (current.task !== null) {
      order.push(current.task.id);
      const saved = await reader.put(`/api/tasks/${current.task.id}/annotation`, { version: current.task.version, ...GOOD_READ });
      const submitted = await reader.post(`/api/tasks/${current.task.id}/submit`, { version: saved.body.version });
      current = submitted.body.next ?? { task: null };
    }
    // mine[0] first (in progress), then the others by position
    assert.deepEqual(order, [mine[0]!.id, ...mine.slice(1).map((t) => t.id)]);
    const none = await next();
    assert.deepEqual(none.body, { task: null, project: { key: study.project.key, workflow: 'independent' } });
    const starts = await server.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'start').where('user_id', '=', reader.userId!).execute();
    assert.equal(starts.length, mine.length);
  });

  it('two tabs asking at once get the same task', async () => {
    const other = study.annotators[1]!;
    const [a, b] = await Promise.all([other.get(`/api/projects/${study.project.key}/tasks/next`), other.get(`/api/projects/${study.project.key}/tasks/next`)]);
    assert.equal(a.body.task.id, b.body.task.id);
    assert.equal((await tasksOf(server, study, other)).filter((t) => t.status === 'in_progress').length, 1);
  });

  it('the worklist: own tasks in order with anonymous image ids, counts per state, filters and paging', async () => {
    const other = study.annotators[2]!;
    const mine = await tasksOf(server, study, other);
    await server.ctx.db.updateTable('tasks').set({ status: 'skipped', skip_reason: 'x' }).where('id', '=', mine[5]!.id).execute();
    await server.ctx.db.updateTable('tasks').set({ status: 'submitted' }).where('id', '=', mine[4]!.id).execute();
    await server.ctx.db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', mine[3]!.id).execute();
    const url = `/api/projects/${study.project.key}/tasks`;
    const all = await other.get(url);
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.counts, { pending: 3, inProgress: 0, submitted: 1, skipped: 1 });
    assert.deepEqual(all.body.tasks.map((t: { id: number }) => t.id), [0, 1, 2, 4, 5].map((i) => mine[i]!.id));
    const images = await server.ctx.db.selectFrom('images').select(['id', 'image_id']).execute();
    const first = all.body.tasks[0];
    assert.deepEqual(Object.keys(first).sort(), ['id', 'imageId', 'kind', 'position', 'status', 'updatedAt']);
    assert.equal(first.imageId, images.find((i) => i.id === mine[0]!.image_id)!.image_id);
    const pending = await other.get(`${url}?status=pending&limit=2&offset=1`);
    assert.deepEqual(pending.body.tasks.map((t: { id: number }) => t.id), [mine[1]!.id, mine[2]!.id]);
    assert.equal((await other.get(`${url}?status=reassigned`)).status, 400);
    assert.equal((await other.get(`${url}?limit=0`)).body.error.field, 'querystring.limit');
    assert.deepEqual((await other.get(`${url}?kind=review`)).body, { tasks: [], counts: { pending: 0, inProgress: 0, submitted: 0, skipped: 0 } });
  });
});
