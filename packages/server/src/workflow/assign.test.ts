import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Task } from '../db/database.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignProject } from './assign.js';
import { shuffledPositions } from './reader-order.js';
import { addMember, createStudy, insertImages, insertProject } from './workflow.test-fixture.js';

await forEachDialect('assigning a project', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  const tasksOf = (projectId: number): Promise<Task[]> => server.ctx.db.selectFrom('tasks').selectAll().where('project_id', '=', projectId).orderBy('id').execute();

  it('30 images, 4 annotators, N=3: three distinct readers per image, 22/23 images each, every reader in their own order', async () => {
    const study = await createStudy(server, { annotators: 4, images: 30 });
    const result = await assignProject(server.ctx.db, { project: study.project, actorId: study.owner.userId! });
    assert.equal(result.created, 90);
    assert.equal(result.shortfall, 0);
    assert.deepEqual(result.perReader.map((r) => r.count).sort(), [22, 22, 23, 23]);

    const tasks = await tasksOf(study.project.id);
    assert.equal(tasks.length, 90);
    for (const imageId of study.imageIds) {
      const readers = tasks.filter((t) => t.image_id === imageId).map((t) => t.user_id);
      assert.equal(new Set(readers).size, 3, `image ${imageId}`);
    }
    for (const t of tasks) {
      assert.equal(t.kind, 'annotate');
      assert.equal(t.status, 'pending');
      assert.equal(t.version, 0);
    }
    // each reader's positions are 0..n-1 in an order of their own, reproducible from the audited seed
    const entry = await server.ctx.db.selectFrom('audit_log').selectAll().where('project_id', '=', study.project.id).where('action', '=', 'assign').executeTakeFirstOrThrow();
    const detail = JSON.parse(entry.detail_json) as { assignmentSeed: number; perReader: { userId: number; count: number; start: number; seed: number }[] };
    assert.equal(detail.assignmentSeed, study.project.assignment_seed);
    const orders = new Set<string>();
    for (const reader of study.annotators) {
      const mine = tasks.filter((t) => t.user_id === reader.userId).sort((a, b) => a.image_id - b.image_id);
      assert.deepEqual(mine.map((t) => t.position).sort((a, b) => a - b), mine.map((_, i) => i));
      const batch = detail.perReader.find((r) => r.userId === reader.userId)!;
      assert.equal(batch.start, 0);
      assert.deepEqual(mine.map((t) => t.position), shuffledPositions(mine.length, batch.seed));
      orders.add(mine.sort((a, b) => a.position - b.position).map((t) => t.image_id).join(','));
    }
    assert.equal(orders.size, 4);
  });

  it('assigns only what is missing: a second run creates nothing; new images are appended to each order', async () => {
    const study = await createStudy(server, { annotators: 3, images: 6 });
    assert.equal((await assignProject(server.ctx.db, { project: study.project, actorId: study.owner.userId! })).created, 18);
    assert.equal((await assignProject(server.ctx.db, { project: study.project, actorId: study.owner.userId! })).created, 0);
    const added = await insertImages(server.ctx.db, study.project.id, 4, { prefix: 'later' });
    const again = await assignProject(server.ctx.db, { project: study.project, actorId: study.owner.userId! });
    assert.equal(again.created, 12);
    const tasks = await tasksOf(study.project.id);
    for (const reader of study.annotators) {
      const mine = tasks.filter((t) => t.user_id === reader.userId);
      const later = mine.filter((t) => added.includes(t.image_id)).map((t) => t.position).sort((a, b) => a - b);
      assert.deepEqual(later, [6, 7, 8, 9]);
    }
  });

  it('counts skipped and re-assigned reads as missing, and never gives an image back to someone who had it', async () => {
    const study = await createStudy(server, { annotators: 4, images: 1 });
    const db = server.ctx.db;
    await assignProject(db, { project: study.project, actorId: study.owner.userId! });
    const [first] = await tasksOf(study.project.id);
    await db.updateTable('tasks').set({ status: 'skipped', skip_reason: 'test' }).where('id', '=', first!.id).execute();
    const result = await assignProject(db, { project: study.project, actorId: study.owner.userId! });
    assert.equal(result.created, 1);
    const tasks = await tasksOf(study.project.id);
    assert.equal(new Set(tasks.map((t) => t.user_id)).size, 4);
    await db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', tasks[1]!.id).execute();
    const last = await assignProject(db, { project: study.project, actorId: study.owner.userId! });
    assert.deepEqual([last.created, last.shortfall], [0, 1]);
  });

  it('assigns only the chosen annotators and only one split', async () => {
    const study = await createStudy(server, { annotators: 4, images: 5 });
    const test = await insertImages(server.ctx.db, study.project.id, 3, { split: 'test', prefix: 'testimg' });
    const chosen = study.annotators.slice(0, 3).map((a) => a.userId!);
    const result = await assignProject(server.ctx.db, { project: study.project, annotators: chosen, split: 'test', actorId: study.owner.userId! });
    assert.equal(result.created, 9);
    const tasks = await tasksOf(study.project.id);
    assert.ok(tasks.every((t) => test.includes(t.image_id) && chosen.includes(t.user_id)));
  });

  it('refuses annotators who are not active annotators of the project, naming them', async () => {
    const study = await createStudy(server, { annotators: 2, reviewers: 1, images: 2 });
    const reviewer = study.reviewers[0]!.userId!;
    await assert.rejects(assignProject(server.ctx.db, { project: study.project, annotators: [study.annotators[0]!.userId!, reviewer], actorId: 1 }), (error: Error & { field?: string }) => {
      assert.equal(error.field, 'body.annotators[1]');
      assert.match(error.message, new RegExp(`user ${reviewer} `));
      return true;
    });
    assert.equal((await tasksOf(study.project.id)).length, 0);
  });

  it('reports a shortfall when there are fewer annotators than N', async () => {
    const study = await createStudy(server, { annotators: 2, images: 4 });
    const result = await assignProject(server.ctx.db, { project: study.project, actorId: 1 });
    assert.deepEqual([result.created, result.shortfall], [8, 4]);
  });

  it('assigns 2,000 images x 3 to 17 readers in one transaction, balanced (timing: npm run bench:server)', async () => {
    const db = server.ctx.db;
    const project = await insertProject(db, { key: 'BIG' });
    const readers: number[] = [];
    for (let i = 0; i < 17; i++) {
      const user = await db.insertInto('users').values({ username: `big${i}`, display_name: `Big ${i}`, password_hash: 'x', is_admin: 0, disabled: 0, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      await addMember(db, project.id, user.id, 'annotator');
      readers.push(user.id);
    }
    await insertImages(db, project.id, 2_000, { prefix: 'big' });
    const result = await assignProject(db, { project, actorId: 1 });
    assert.equal(result.created, 6_000);
    const counts = result.perReader.map((r) => r.count);
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, counts.join('/'));
    const distinct = await db.selectFrom('tasks').select(['image_id']).select((eb) => eb.fn.count<number>('user_id').distinct().as('readers')).where('project_id', '=', project.id).groupBy('image_id').execute();
    assert.equal(distinct.length, 2_000);
    assert.ok(distinct.every((row) => Number(row.readers) === 3));
  });
});
