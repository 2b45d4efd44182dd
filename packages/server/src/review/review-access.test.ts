// Every review route against every role: the task's reviewer, the image's other reviewer, a reviewer of
// another image, the image's readers, another annotator, the owner, an admin and a non-member.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type ApiClient, type ApiResponse, type TestServer } from '../testing/index.js';
import { buildReviewFixture, type ReviewFixture } from './review.test-fixture.js';

await forEachDialect('review routes: access', (dialect) => {
  let server: TestServer;
  let f: ReviewFixture;
  before(async () => {
    server = await createTestServer(dialect);
    f = await buildReviewFixture(server, 'acc');
  });
  after(() => server.close());

  const someone = (): Record<string, ApiClient> => ({
    'the image\'s other reviewer': f.reviewer2,
    'a reviewer of another image': f.otherReviewer,
    'a reader of the image (submitted)': f.alice,
    'a reader of the image (in progress)': f.dave,
    'an annotator of another image': f.erin,
    'a non-member': f.outsider,
  });

  it('GET /api/tasks/:id/review: the task\'s reviewer, the owner and admins get 200; everyone else 404', async () => {
    const url = `/api/tasks/${f.reviewTask1}/review`;
    for (const [who, client] of Object.entries({ reviewer: f.reviewer1, owner: f.owner, admin: f.admin })) {
      const r = await client.get(url);
      assert.equal(r.status, 200, who);
      assert.equal(r.body.task.id, f.reviewTask1, who);
    }
    for (const [who, client] of Object.entries(someone())) {
      const r = await client.get(url);
      assert.equal(r.status, 404, who);
      assert.equal(r.body.error.code, 'ERR_NOT_FOUND', who);
      assert.equal(r.body.reads, undefined, who);
    }
  });

  it('an annotate task, a missing task and a malformed id are not review tasks', async () => {
    assert.equal((await f.alice.get(`/api/tasks/${f.annotateTasks.alice}/review`)).status, 404);
    assert.equal((await f.owner.get(`/api/tasks/${f.annotateTasks.alice}/review`)).status, 404);
    assert.equal((await f.admin.get('/api/tasks/987654/review')).status, 404);
    const bad = await f.admin.get('/api/tasks/abc/review');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'params.id');
  });

  it('changes to the consensus: only the task\'s reviewer; owner and admin 403; everyone else 404; nothing changes', async () => {
    const base = `/api/tasks/${f.reviewTask1}`;
    const calls: [string, (c: ApiClient) => Promise<ApiResponse>][] = [
      ['PUT consensus', (c) => c.put(`${base}/consensus`, { version: 0, globals: ['Pneumonia'], boxes: [] })],
      ['POST copy', (c) => c.post(`${base}/copy`, { version: 0, from: 'R1' })],
      ['POST approve', (c) => c.post(`${base}/approve`, { version: 0 })],
      ['POST withdraw', (c) => c.post(`${base}/withdraw`)],
    ];
    for (const [route, call] of calls) {
      for (const [who, client] of Object.entries(someone())) {
        const r = await call(client);
        assert.equal(r.status, 404, `${route} by ${who}`);
      }
      for (const [who, client] of Object.entries({ owner: f.owner, admin: f.admin })) {
        const r = await call(client);
        assert.equal(r.status, 403, `${route} by ${who}`);
        assert.equal(r.body.error.code, 'ERR_FORBIDDEN');
      }
    }
    const consensus = await f.db.selectFrom('consensus').selectAll().where('image_id', '=', f.image.id).executeTakeFirstOrThrow();
    assert.equal(consensus.version, 0);
    assert.equal((await f.db.selectFrom('approvals').selectAll().where('image_id', '=', f.image.id).execute()).length, 0);
    assert.equal((await f.db.selectFrom('consensus_annotations').selectAll().where('image_id', '=', f.image.id).execute()).length, 0);

    // The reviewer may do each of them.
    const edit = await f.reviewer1.put(`${base}/consensus`, { version: 0, globals: ['Pneumonia'], boxes: [] });
    assert.deepEqual(edit.body, { version: 1, withdrawn: 0 });
    const copy = await f.reviewer1.post(`${base}/copy`, { version: 1, from: 'R1' });
    assert.equal(copy.status, 200);
    assert.equal(copy.body.version, 2);
    assert.deepEqual(await f.reviewer1.post(`${base}/approve`, { version: 2 }).then((r) => [r.status, r.body]), [200, { approved: true, final: false }]);
    assert.deepEqual(await f.reviewer1.post(`${base}/withdraw`).then((r) => [r.status, r.body]), [200, { withdrawn: true }]);
    // The other reviewer acts through their own task.
    assert.equal((await f.reviewer2.get(`/api/tasks/${f.reviewTask2}/review`)).status, 200);
    assert.equal((await f.reviewer2.post(`/api/tasks/${f.reviewTask2}/approve`, { version: 2 })).status, 200);
  });

  it('a reviewer whose task was re-assigned, or who left the project, loses the task', async () => {
    const g = await buildReviewFixture(server, 'gone');
    await g.db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', g.reviewTask2).execute();
    assert.equal((await g.reviewer2.get(`/api/tasks/${g.reviewTask2}/review`)).status, 404);
    assert.equal((await g.reviewer2.put(`/api/tasks/${g.reviewTask2}/consensus`, { version: 0, globals: ['COPD'], boxes: [] })).status, 404);
    assert.equal((await g.owner.get(`/api/tasks/${g.reviewTask2}/review`)).status, 200, 'managers still see it');
    await g.db.updateTable('memberships').set({ active: 0 }).where('project_id', '=', g.project.id).where('user_id', '=', g.reviewer1.userId!).execute();
    assert.equal((await g.reviewer1.get(`/api/tasks/${g.reviewTask1}/review`)).status, 404);
    assert.equal((await g.reviewer1.post(`/api/tasks/${g.reviewTask1}/approve`, { version: 0 })).status, 404);
  });
});
