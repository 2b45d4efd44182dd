import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ApiClient, createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignedStudy, GOOD_READ, tasksOf, type AssignedStudy } from './tasks.test-fixture.js';

// Every task route against every role: the task's holder; another annotator; a reviewer; the project's
// owner; a global admin; a signed-in non-member; nobody.
await forEachDialect('task routes: who may do what', (dialect) => {
  let server: TestServer;
  let study: AssignedStudy;
  let holder: ApiClient;
  let other: ApiClient;
  let reviewer: ApiClient;
  let taskId: number;
  before(async () => {
    server = await createTestServer(dialect);
    study = await assignedStudy(server, { annotators: 4, reviewers: 1, images: 4 });
    [holder, other] = study.annotators as [ApiClient, ApiClient];
    reviewer = study.reviewers[0]!;
    taskId = (await tasksOf(server, study, holder))[0]!.id;
  });
  after(() => server.close());

  const url = (suffix = ''): string => `/api/tasks/${taskId}${suffix}`;
  const save = { version: 0, ...GOOD_READ };

  it('GET /api/tasks/:id: the holder, the owner and an admin see it; everyone else gets 404', async () => {
    assert.equal((await holder.get(url())).status, 200);
    assert.equal((await study.owner.get(url())).status, 200);
    assert.equal((await server.admin.get(url())).status, 200);
    for (const client of [other, reviewer, study.outsider]) {
      const r = await client.get(url());
      assert.equal(r.status, 404, client.username);
      assert.equal(r.body.error.code, 'ERR_NOT_FOUND');
    }
    assert.equal((await new ApiClient(server.app).get(url())).status, 401);
    assert.equal((await holder.get('/api/tasks/999999')).status, 404);
    assert.equal((await holder.get('/api/tasks/abc')).body.error.field, 'params.id');
  });

  it('PUT annotation, submit and skip: only the holder; managers get 403, everyone else 404', async () => {
    for (const [method, suffix, body] of [
      ['PUT', '/annotation', save],
      ['POST', '/submit', { version: 0 }],
      ['POST', '/skip', { reason: 'not mine' }],
    ] as const) {
      for (const client of [study.owner, server.admin]) {
        const r = await client.request(method, url(suffix), body);
        assert.equal(r.status, 403, `${method} ${suffix} by ${client.username}`);
        assert.equal(r.body.error.code, 'ERR_FORBIDDEN');
      }
      for (const client of [other, reviewer, study.outsider]) assert.equal((await client.request(method, url(suffix), body)).status, 404, `${method} ${suffix} by ${client.username}`);
      assert.equal((await new ApiClient(server.app).request(method, url(suffix), body)).status, 401);
    }
    // nothing above changed the task
    const view = await holder.get(url());
    assert.deepEqual([view.body.task.version, view.body.task.status], [0, 'pending']);
    assert.equal((await holder.put(url('/annotation'), save)).status, 200);
  });

  it('next task and worklist: members get their own (nothing, for those without tasks); non-members 404', async () => {
    const key = study.project.key;
    const next = await other.get(`/api/projects/${key}/tasks/next`);
    assert.equal(next.status, 200);
    assert.equal(typeof next.body.task.id, 'number');
    for (const client of [reviewer, study.owner, server.admin]) {
      const r = await client.get(`/api/projects/${key}/tasks/next`);
      assert.equal(r.status, 200, client.username);
      assert.equal(r.body.task, null);
    }
    const list = await holder.get(`/api/projects/${key}/tasks`);
    assert.equal(list.status, 200);
    assert.equal(list.body.tasks.length, 3);
    assert.equal((await study.outsider.get(`/api/projects/${key}/tasks/next`)).status, 404);
    assert.equal((await study.outsider.get(`/api/projects/${key}/tasks`)).status, 404);
    assert.equal((await holder.get('/api/projects/NOSUCH/tasks')).status, 404);
    assert.equal((await holder.get(`/api/projects/${key}/tasks/next?kind=other`)).body.error.field, 'querystring.kind');
  });

  it('POST assignments: owners and admins; annotators and reviewers 403; non-members 404', async () => {
    const url = `/api/projects/${study.project.key}/assignments`;
    assert.equal((await study.owner.post(url, {})).status, 200);
    assert.equal((await study.owner.request('POST', url)).status, 200);
    assert.equal((await server.admin.post(url, { split: 'train' })).status, 200);
    for (const client of [holder, reviewer]) assert.equal((await client.post(url, {})).status, 403);
    assert.equal((await study.outsider.post(url, {})).status, 404);
    const bad = await study.owner.post(url, { annotators: [holder.userId, reviewer.userId] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'body.annotators[1]');
    assert.match(bad.body.error.message, new RegExp(`user ${reviewer.userId}`));
    assert.equal((await study.owner.post(url, { annotators: ['x'] })).body.error.field, 'body.annotators[0]');
  });

  it('a re-assigned task disappears for its former holder; managers still see it', async () => {
    const mine = await tasksOf(server, study, holder);
    const last = mine[mine.length - 1]!;
    await server.ctx.db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', last.id).execute();
    assert.equal((await holder.get(`/api/tasks/${last.id}`)).status, 404);
    assert.equal((await holder.put(`/api/tasks/${last.id}/annotation`, save)).status, 404);
    assert.equal((await study.owner.get(`/api/tasks/${last.id}`)).status, 200);
    const list = await holder.get(`/api/projects/${study.project.key}/tasks`);
    assert.ok(!list.body.tasks.some((t: { id: number }) => t.id === last.id));
  });

  it('a member who left sees none of their tasks', async () => {
    const leaver = study.annotators[3]!;
    const [first] = await tasksOf(server, study, leaver);
    await server.ctx.db.updateTable('memberships').set({ active: 0 }).where('user_id', '=', leaver.userId!).execute();
    assert.equal((await leaver.get(`/api/tasks/${first!.id}`)).status, 404);
    assert.equal((await leaver.get(`/api/projects/${study.project.key}/tasks/next`)).status, 404);
  });
});
