import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Task } from '../db/database.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignProject } from './assign.js';
import { reassignOpenTasks } from './reassign.js';
import { addMember, createStudy, deactivateMember } from './workflow.test-fixture.js';

await forEachDialect('re-assigning the open tasks of a member who leaves', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  const tasksOf = (projectId: number): Promise<Task[]> => server.ctx.db.selectFrom('tasks').selectAll().where('project_id', '=', projectId).orderBy('id').execute();

  it("moves the leaver's open reads to others who are not on the image; submitted reads and drafts stay", async () => {
    const db = server.ctx.db;
    const study = await createStudy(server, { annotators: 5, images: 10 });
    await assignProject(db, { project: study.project, actorId: study.owner.userId! });
    const leaver = study.annotators[0]!.userId!;
    const mine = (await tasksOf(study.project.id)).filter((t) => t.user_id === leaver).sort((a, b) => a.position - b.position);
    assert.equal(mine.length, 6);
    // one read submitted, one in progress with a draft, the rest pending
    await db.updateTable('tasks').set({ status: 'submitted' }).where('id', '=', mine[0]!.id).execute();
    await db.updateTable('tasks').set({ status: 'in_progress' }).where('id', '=', mine[1]!.id).execute();
    await db.insertInto('annotations').values({ task_id: mine[1]!.id, image_id: mine[1]!.image_id, kind: 'global', label: 'COPD', x_min: null, y_min: null, x_max: null, y_max: null }).execute();

    const lastBefore = Math.max(...(await tasksOf(study.project.id)).map((t) => t.id));
    const result = await db.transaction().execute(async (tx) => {
      await deactivateMember(tx, study.project.id, leaver);
      return reassignOpenTasks(tx, { project: study.project, userId: leaver, actorId: study.owner.userId! });
    });
    assert.deepEqual(result, { reassigned: 5, unassigned: 0 });

    const tasks = await tasksOf(study.project.id);
    const after = tasks.filter((t) => t.user_id === leaver);
    assert.deepEqual(after.map((t) => t.status).sort(), ['reassigned', 'reassigned', 'reassigned', 'reassigned', 'reassigned', 'submitted']);
    const draft = await db.selectFrom('annotations').select('label').where('task_id', '=', mine[1]!.id).execute();
    assert.deepEqual(draft, [{ label: 'COPD' }]);
    for (const imageId of study.imageIds) {
      const live = tasks.filter((t) => t.image_id === imageId && t.status !== 'reassigned');
      assert.equal(live.length, 3, `image ${imageId} has 3 live reads`);
      assert.equal(new Set(live.map((t) => t.user_id)).size, 3);
    }
    // the new tasks are pending, at the end of each new reader's order
    const created = tasks.filter((t) => t.id > lastBefore);
    assert.equal(created.length, 5);
    for (const t of created) {
      assert.equal(t.status, 'pending');
      const others = tasks.filter((o) => o.user_id === t.user_id && !created.includes(o));
      assert.ok(t.position > Math.max(...others.map((o) => o.position)));
    }
    const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'reassign').where('entity_id', '=', String(leaver)).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(entry.detail_json).reassigned, 5);
  });

  it('counts what no one can take as unassigned', async () => {
    const db = server.ctx.db;
    const study = await createStudy(server, { annotators: 3, images: 4 });
    await assignProject(db, { project: study.project, actorId: study.owner.userId! });
    const leaver = study.annotators[2]!.userId!;
    const result = await reassignOpenTasks(db, { project: study.project, userId: leaver, actorId: study.owner.userId! });
    assert.deepEqual(result, { reassigned: 4, unassigned: 4 });
    assert.equal((await tasksOf(study.project.id)).filter((t) => t.status === 'pending').length, 8);
  });

  it("moves the leaver's reviews to reviewers who neither read nor review the image", async () => {
    const db = server.ctx.db;
    const study = await createStudy(server, { workflow: 'consensus', readers: 2, reviewersPerImage: 2, annotators: 2, reviewers: 3, images: 1 });
    const image = study.imageIds[0]!;
    const [r1, r2, r3] = study.reviewers.map((r) => r.userId!);
    // a reviewer who is also a reader of the image must not get it
    await addMember(db, study.project.id, study.annotators[0]!.userId!, 'reviewer');
    const at = new Date().toISOString();
    const base = { project_id: study.project.id, image_id: image, version: 0, reading_ms: 0, skip_reason: null, created_at: at, started_at: null, submitted_at: null, updated_at: at };
    await db.insertInto('tasks').values([
      { ...base, kind: 'annotate', user_id: study.annotators[0]!.userId!, status: 'submitted', position: 0 },
      { ...base, kind: 'annotate', user_id: study.annotators[1]!.userId!, status: 'submitted', position: 0 },
      { ...base, kind: 'review', user_id: r1!, status: 'pending', position: 0 },
      { ...base, kind: 'review', user_id: r2!, status: 'in_progress', position: 0 },
    ]).execute();
    const result = await reassignOpenTasks(db, { project: study.project, userId: r1!, actorId: study.owner.userId! });
    assert.deepEqual(result, { reassigned: 1, unassigned: 0 });
    const reviews = (await tasksOf(study.project.id)).filter((t) => t.kind === 'review' && t.status !== 'reassigned');
    assert.deepEqual(reviews.map((t) => t.user_id).sort(), [r2, r3].sort());
    // the only reviewer left for a second leave is a reader of the image: nobody takes it
    assert.deepEqual(await reassignOpenTasks(db, { project: study.project, userId: r3!, actorId: 1 }), { reassigned: 1, unassigned: 1 });
  });

  it('re-assigns only the kinds asked for, and nothing when the member holds nothing open', async () => {
    const db = server.ctx.db;
    const study = await createStudy(server, { annotators: 4, images: 2 });
    await assignProject(db, { project: study.project, actorId: 1 });
    const user = study.annotators[0]!.userId!;
    assert.deepEqual(await reassignOpenTasks(db, { project: study.project, userId: user, actorId: 1, kinds: ['review'] }), { reassigned: 0, unassigned: 0 });
    assert.deepEqual(await reassignOpenTasks(db, { project: study.project, userId: study.outsider.userId!, actorId: 1 }), { reassigned: 0, unassigned: 0 });
  });
});
