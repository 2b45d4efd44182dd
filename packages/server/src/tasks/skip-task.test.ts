import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignedStudy, tasksOf } from './tasks.test-fixture.js';

await forEachDialect('skipping a task', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  it('closes the task with its reason and gives the image to an annotator who is not on it', async () => {
    const study = await assignedStudy(server, { annotators: 4, images: 1 });
    const db = server.ctx.db;
    const before = await db.selectFrom('tasks').selectAll().where('project_id', '=', study.project.id).execute();
    const free = study.annotators.find((a) => !before.some((t) => t.user_id === a.userId))!;
    const skipper = study.annotators.find((a) => a !== free)!;
    const [task] = await tasksOf(server, study, skipper);
    const r = await skipper.post(`/api/tasks/${task!.id}/skip`, { reason: 'image is rotated' });
    assert.equal(r.status, 200);
    assert.equal(r.body.task.status, 'skipped');
    assert.equal(r.body.replaced, true);
    assert.equal(r.body.next, null);
    assert.equal(JSON.stringify(r.body).includes(String(free.username)), false);
    const skipped = await db.selectFrom('tasks').selectAll().where('id', '=', task!.id).executeTakeFirstOrThrow();
    assert.deepEqual([skipped.status, skipped.skip_reason], ['skipped', 'image is rotated']);
    const replacement = await tasksOf(server, study, free);
    assert.equal(replacement.length, 1);
    assert.deepEqual([replacement[0]!.image_id, replacement[0]!.status, replacement[0]!.kind], [task!.image_id, 'pending', 'annotate']);
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'skip').where('entity_id', '=', String(task!.id)).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(entry.detail_json).reason, 'image is rotated');

    // nobody left who is not on the image: skipped without a replacement
    const second = await free.post(`/api/tasks/${replacement[0]!.id}/skip`, { reason: 'cannot judge' });
    assert.deepEqual([second.status, second.body.replaced], [200, false]);
    // the skipper's worklist counts it; skipping again is a conflict
    assert.equal((await skipper.get(`/api/projects/${study.project.key}/tasks`)).body.counts.skipped, 1);
    const again = await skipper.post(`/api/tasks/${task!.id}/skip`, { reason: 'again' });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /skipped/);
    assert.equal((await skipper.put(`/api/tasks/${task!.id}/annotation`, { version: 1, globals: [], boxes: [] })).status, 409);
  });

  it('needs a reason of 1 to 500 characters', async () => {
    const study = await assignedStudy(server, { annotators: 3, images: 1 });
    const reader = study.annotators[0]!;
    const [task] = await tasksOf(server, study, reader);
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(501) }, { reason: 5 }]) {
      const r = await reader.post(`/api/tasks/${task!.id}/skip`, body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.field, 'body.reason');
    }
    assert.equal((await reader.post(`/api/tasks/${task!.id}/skip`, { reason: 'x'.repeat(500) })).status, 200);
  });
});
