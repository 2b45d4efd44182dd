import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Task } from '../db/database.js';
import { now } from '../db/dialect.js';
import type { ApiClient } from '../testing/index.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignProject } from './assign.js';
import { readerSeed, shuffledPositions } from './reader-order.js';
import { addMember, createStudy, deactivateMember, insertImages, insertProject, type StudyFixture } from './workflow.test-fixture.js';

/** A read that passes the VinDr-CXR rules. */
const GOOD_READ = { globals: ['Pneumonia'], boxes: [{ label: 'Consolidation', xMin: 100, yMin: 200, xMax: 400, yMax: 600 }] };

await forEachDialect('topping up the review tasks of open consensus images', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  const tasksOf = (projectId: number): Promise<Task[]> => server.ctx.db.selectFrom('tasks').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
  const reviewsOf = async (projectId: number, imageId: number): Promise<Task[]> => (await tasksOf(projectId)).filter((t) => t.image_id === imageId && t.kind === 'review');
  const assign = (study: StudyFixture, body: unknown = {}) => study.owner.post(`/api/projects/${study.project.key}/assignments`, body);

  /** Every reader saves and submits their read of `imageId` through the API (the last one opens the consensus). */
  async function readImage(study: StudyFixture, imageId: number): Promise<void> {
    for (const reader of study.annotators) {
      const task = (await tasksOf(study.project.id)).find((t) => t.image_id === imageId && t.user_id === reader.userId && t.kind === 'annotate');
      if (task === undefined) continue;
      const saved = await reader.put(`/api/tasks/${task.id}/annotation`, { version: task.version, ...GOOD_READ });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const submitted = await reader.post(`/api/tasks/${task.id}/submit`, { version: saved.body.version });
      assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    }
  }

  /** A consensus study (N=3, M=2, 3 annotators, one reviewer) whose reads are assigned. */
  async function consensusStudy(images: number): Promise<StudyFixture> {
    const study = await createStudy(server, { workflow: 'consensus', readers: 3, reviewersPerImage: 2, annotators: 3, reviewers: 1, images });
    const assigned = await assign(study);
    assert.equal(assigned.status, 200);
    assert.deepEqual([assigned.body.created, assigned.body.shortfall, assigned.body.reviewsCreated, assigned.body.reviewShortfall], [images * 3, 0, 0, 0]);
    return study;
  }

  async function setRoles(study: StudyFixture, client: ApiClient, roles: string[]): Promise<void> {
    const r = await study.owner.put(`/api/projects/${study.project.key}/members/${client.userId}`, { roles });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }

  it('M=2 with one reviewer gives one review; a reviewer added later gets the missing one on the next assignment, never a reader, never a final image', async () => {
    const db = server.ctx.db;
    const study = await consensusStudy(4);
    const [open1, final, open2, unread] = study.imageIds as [number, number, number, number];
    const first = study.reviewers[0]!;
    for (const image of [open1, final, open2]) await readImage(study, image);
    for (const image of [open1, final, open2]) assert.deepEqual((await reviewsOf(study.project.id, image)).map((t) => t.user_id), [first.userId]);
    await db.updateTable('consensus').set({ status: 'final', version: 1, updated_at: now() }).where('image_id', '=', final).execute();

    // a second reviewer, and a reader of every image who becomes a reviewer too: adding them creates nothing
    const second = await server.user(`topup-second-${dialect}`);
    const reader = study.annotators[0]!;
    await setRoles(study, second, ['reviewer']);
    await setRoles(study, reader, ['annotator', 'reviewer']);
    const before = await tasksOf(study.project.id);
    assert.equal(before.filter((t) => t.kind === 'review').length, 3);

    const result = await assign(study);
    assert.equal(result.status, 200);
    assert.deepEqual(result.body, {
      created: 0,
      perReader: study.annotators.map((a) => ({ userId: a.userId, count: 0 })),
      shortfall: 0,
      reviewsCreated: 2,
      reviewShortfall: 0,
    });
    const tasks = await tasksOf(study.project.id);
    const created = tasks.filter((t) => !before.some((b) => b.id === t.id));
    // both open images get the second reviewer (the reader, equally loaded, is not eligible)
    assert.deepEqual(created.map((t) => [t.image_id, t.kind, t.user_id, t.status, t.version]).sort(), [
      [open1, 'review', second.userId, 'pending', 0],
      [open2, 'review', second.userId, 'pending', 0],
    ]);
    for (const image of [open1, open2]) assert.deepEqual((await reviewsOf(study.project.id, image)).map((t) => t.user_id).sort(), [first.userId, second.userId].sort());
    assert.deepEqual((await reviewsOf(study.project.id, final)).map((t) => t.user_id), [first.userId]);
    assert.deepEqual(await reviewsOf(study.project.id, unread), []);
    assert.ok(!tasks.some((t) => t.kind === 'review' && t.user_id === reader.userId));
    // the new reviewer's tasks are in their own seeded order, from position 0 (they held nothing before)
    const mine = created.sort((a, b) => a.image_id - b.image_id);
    assert.deepEqual(mine.map((t) => t.position), shuffledPositions(2, readerSeed(study.project.assignment_seed, second.userId!, 0)));
    const entry = (await db.selectFrom('audit_log').selectAll().where('project_id', '=', study.project.id).where('action', '=', 'assign').orderBy('id', 'desc').executeTakeFirstOrThrow());
    const detail = JSON.parse(entry.detail_json);
    assert.deepEqual([detail.reviewsCreated, detail.reviewShortfall, detail.reviewersPerImage], [2, 0, 2]);
    assert.deepEqual(detail.perReviewer.map((r: { userId: number; count: number; start: number }) => [r.userId, r.count, r.start]), [[second.userId, 2, 0]]);

    // idempotent: a second assignment creates nothing
    const again = await assign(study);
    assert.deepEqual([again.body.created, again.body.reviewsCreated, again.body.reviewShortfall], [0, 0, 0]);
    assert.equal((await tasksOf(study.project.id)).length, tasks.length);
  });

  it("reviews go after the reviewer's last task; a skipped or re-assigned review no one could take is topped up once a reviewer is free", async () => {
    const db = server.ctx.db;
    const study = await consensusStudy(3);
    const [image, other, extra] = study.imageIds as [number, number, number];
    const first = study.reviewers[0]!;
    await readImage(study, image);
    await readImage(study, other);
    const second = await server.user(`topup-skip2-${dialect}`);
    await setRoles(study, second, ['reviewer']);
    await readImage(study, extra);
    assert.deepEqual((await reviewsOf(study.project.id, extra)).map((t) => t.user_id).sort(), [first.userId, second.userId].sort());
    const held = (await tasksOf(study.project.id)).filter((t) => t.user_id === second.userId);
    assert.deepEqual(held.map((t) => [t.image_id, t.position]), [[extra, 0]]);

    // image and other lack their second review: the second reviewer gets both, after their task at 0
    const topped = await assign(study);
    assert.deepEqual([topped.body.reviewsCreated, topped.body.reviewShortfall], [2, 0]);
    const seconds = (await tasksOf(study.project.id)).filter((t) => t.user_id === second.userId && t.image_id !== extra).sort((a, b) => a.image_id - b.image_id);
    assert.deepEqual(seconds.map((t) => t.image_id), [image, other]);
    assert.deepEqual(seconds.map((t) => t.position), shuffledPositions(2, readerSeed(study.project.assignment_seed, second.userId!, 1)).map((p) => 1 + p));

    // the second reviewer skips image: the only other reviewer already reviews it, so no replacement, and
    // assigning again cannot help (the skipper is never given the image again)
    const skipped = await second.post(`/api/tasks/${seconds[0]!.id}/skip`, { reason: 'conflict of interest' });
    assert.equal(skipped.status, 200, JSON.stringify(skipped.body));
    assert.equal(skipped.body.replaced, false);
    const short = await assign(study);
    assert.deepEqual([short.body.reviewsCreated, short.body.reviewShortfall], [0, 1]);

    // the first reviewer's review of other is re-assigned with no one to take it; a third reviewer joins
    const firstsOther = (await reviewsOf(study.project.id, other)).find((t) => t.user_id === first.userId)!;
    await db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', firstsOther.id).execute();
    const third = await server.user(`topup-skip3-${dialect}`);
    await setRoles(study, third, ['reviewer']);
    const filled = await assign(study);
    assert.deepEqual([filled.body.reviewsCreated, filled.body.reviewShortfall], [2, 0]);
    const live = async (imageId: number) => (await reviewsOf(study.project.id, imageId)).filter((t) => t.status !== 'skipped' && t.status !== 'reassigned').map((t) => t.user_id).sort();
    assert.deepEqual(await live(image), [first.userId, third.userId].sort());
    assert.deepEqual(await live(other), [second.userId, third.userId].sort());
    assert.deepEqual(await live(extra), [first.userId, second.userId].sort());
    const thirds = (await tasksOf(study.project.id)).filter((t) => t.user_id === third.userId).sort((a, b) => a.image_id - b.image_id);
    assert.deepEqual(thirds.map((t) => t.position), shuffledPositions(2, readerSeed(study.project.assignment_seed, third.userId!, 0)));

    const again = await assign(study);
    assert.deepEqual([again.body.reviewsCreated, again.body.reviewShortfall], [0, 0]);
  });

  it('body.reviewers: only those reviewers are given reviews; anyone not an active reviewer is refused naming the entry, and nothing changes', async () => {
    const db = server.ctx.db;
    const study = await consensusStudy(1);
    const [image] = study.imageIds as [number];
    await readImage(study, image);
    const chosen = await server.user(`topup-chosen-${dialect}`);
    const passed = await server.user(`topup-passed-${dialect}`);
    const leaver = await server.user(`topup-leaver-${dialect}`);
    for (const client of [chosen, passed, leaver]) await setRoles(study, client, ['reviewer']);
    await deactivateMember(db, study.project.id, leaver.userId!);
    const before = (await tasksOf(study.project.id)).length;

    const refusals: [unknown, string, number][] = [
      [[chosen.userId, study.annotators[0]!.userId], 'body.reviewers[1]', study.annotators[0]!.userId!],
      [[study.outsider.userId], 'body.reviewers[0]', study.outsider.userId!],
      [[chosen.userId, chosen.userId, leaver.userId], 'body.reviewers[2]', leaver.userId!],
      [[study.owner.userId], 'body.reviewers[0]', study.owner.userId!],
    ];
    for (const [reviewers, field, userId] of refusals) {
      const r = await assign(study, { reviewers });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.field, field);
      assert.match(r.body.error.message, new RegExp(`user ${userId} is not an active reviewer`));
    }
    for (const [reviewers, field] of [[['x'], 'body.reviewers[0]'], [[], 'body.reviewers'], ['all', 'body.reviewers'], [[0], 'body.reviewers[0]']] as const) {
      const r = await assign(study, { reviewers });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.equal(r.body.error.field, field);
    }
    assert.equal((await tasksOf(study.project.id)).length, before);

    // only the members who may assign: annotators and reviewers 403, non-members 404
    const url = `/api/projects/${study.project.key}/assignments`;
    for (const client of [study.annotators[0]!, study.reviewers[0]!, chosen]) assert.equal((await client.post(url, { reviewers: [chosen.userId] })).status, 403);
    assert.equal((await study.outsider.post(url, { reviewers: [chosen.userId] })).status, 404);
    assert.equal((await tasksOf(study.project.id)).length, before);

    const r = await assign(study, { reviewers: [chosen.userId, chosen.userId] });
    assert.equal(r.status, 200);
    assert.deepEqual([r.body.reviewsCreated, r.body.reviewShortfall], [1, 0]);
    assert.deepEqual((await reviewsOf(study.project.id, image)).map((t) => t.user_id).sort(), [study.reviewers[0]!.userId, chosen.userId].sort());
    const admin = await server.admin.post(`/api/projects/${study.project.key}/assignments`, { reviewers: [passed.userId] });
    assert.deepEqual([admin.status, admin.body.reviewsCreated], [200, 0]);
  });

  it('split limits the top-up; independent projects and projects without open consensus create no reviews', async () => {
    const db = server.ctx.db;
    const study = await consensusStudy(1);
    const [trainImage] = study.imageIds as [number];
    await readImage(study, trainImage);
    const late = await server.user(`topup-split-${dialect}`);
    await setRoles(study, late, ['reviewer']);
    const test = await assign(study, { split: 'test' });
    assert.deepEqual([test.body.reviewsCreated, test.body.reviewShortfall], [0, 0]);
    const train = await assign(study, { split: 'train' });
    assert.deepEqual([train.body.reviewsCreated, train.body.reviewShortfall], [1, 0]);

    const independent = await createStudy(server, { annotators: 3, reviewers: 2, images: 2 });
    const r = await assign(independent, { reviewers: independent.reviewers.map((c) => c.userId) });
    assert.deepEqual([r.status, r.body.created, r.body.reviewsCreated, r.body.reviewShortfall], [200, 6, 0, 0]);
    assert.ok((await tasksOf(independent.project.id)).every((t) => t.kind === 'annotate'));
    assert.ok((await db.selectFrom('consensus').select('image_id').where('project_id', '=', independent.project.id).execute()).length === 0);
  });

  it('tops up 2,000 open consensus images x M=2 across 7 reviewers in one assignment, balanced, readers excluded', async () => {
    const db = server.ctx.db;
    const project = await insertProject(db, { key: `TOPUP${dialect.toUpperCase()}`.slice(0, 32), workflow: 'consensus', readers: 1, reviewers: 2 });
    const users: number[] = [];
    for (let i = 0; i < 8; i++) {
      const user = await db.insertInto('users').values({ username: `topup-big${i}-${dialect}`, display_name: `Big ${i}`, password_hash: 'x', is_admin: 0, disabled: 0, created_at: now() }).returning('id').executeTakeFirstOrThrow();
      users.push(user.id);
    }
    const [reader, ...reviewers] = users as [number, ...number[]];
    await addMember(db, project.id, reader, 'annotator');
    await addMember(db, project.id, reader, 'reviewer');
    for (const id of reviewers) await addMember(db, project.id, id, 'reviewer');
    const images = await insertImages(db, project.id, 2_000, { prefix: `topup${dialect}` });
    const at = now();
    for (let i = 0; i < images.length; i += 500) {
      const batch = images.slice(i, i + 500);
      await db.insertInto('tasks').values(batch.map((imageId, k) => ({ project_id: project.id, image_id: imageId, kind: 'annotate' as const, user_id: reader, status: 'submitted' as const, position: i + k, version: 2, reading_ms: 1, skip_reason: null, created_at: at, started_at: at, submitted_at: at, updated_at: at }))).execute();
      await db.insertInto('consensus').values(batch.map((imageId) => ({ image_id: imageId, project_id: project.id, version: 0, status: 'open' as const, updated_by: null, updated_at: at }))).execute();
    }
    const result = await assignProject(db, { project, actorId: 1 });
    assert.deepEqual([result.created, result.shortfall, result.reviewsCreated, result.reviewShortfall], [0, 0, 4_000, 0]);
    const perReviewer = await db.selectFrom('tasks').select(['user_id', (eb) => eb.fn.countAll<number>().as('n')]).where('project_id', '=', project.id).where('kind', '=', 'review').groupBy('user_id').execute();
    assert.deepEqual(perReviewer.map((r) => r.user_id).sort((a, b) => a - b), reviewers);
    const counts = perReviewer.map((r) => Number(r.n));
    assert.ok(Math.max(...counts) - Math.min(...counts) <= 1, counts.join('/'));
    const perImage = await db.selectFrom('tasks').select(['image_id', (eb) => eb.fn.count<number>('user_id').distinct().as('n')]).where('project_id', '=', project.id).where('kind', '=', 'review').groupBy('image_id').execute();
    assert.equal(perImage.length, 2_000);
    assert.ok(perImage.every((r) => Number(r.n) === 2));
    assert.equal((await assignProject(db, { project, actorId: 1 })).reviewsCreated, 0);
  });
});
