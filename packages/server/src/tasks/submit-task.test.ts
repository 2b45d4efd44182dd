import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ApiClient } from '../testing/index.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { addMember, IMAGE_WIDTH } from '../workflow/workflow.test-fixture.js';
import { assignedStudy, GOOD_READ, taskById, tasksOf, type AssignedStudy } from './tasks.test-fixture.js';

await forEachDialect('submitting a read', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  async function saved(reader: ApiClient, id: number, read: { globals: string[]; boxes: unknown[] }): Promise<number> {
    const r = await reader.put(`/api/tasks/${id}/annotation`, { version: (await taskById(server, id)).version, ...read });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.version as number;
  }

  describeRules();
  function describeRules(): void {
    let study: AssignedStudy;
    let reader: ApiClient;
    let ids: number[];
    before(async () => {
      study = await assignedStudy(server, { annotators: 3, images: 4 });
      reader = study.annotators[0]!;
      ids = (await tasksOf(server, study, reader)).map((t) => t.id);
    });

    it('"No finding" with a box: 422 ERR_RULES with NO_FINDING_WITH_BOXES, and the task stays as it was', async () => {
      const version = await saved(reader, ids[0]!, { globals: ['No finding'], boxes: [{ label: 'Nodule/Mass', xMin: 10, yMin: 10, xMax: 50, yMax: 50 }] });
      const r = await reader.post(`/api/tasks/${ids[0]}/submit`, { version });
      assert.equal(r.status, 422);
      assert.equal(r.body.error.code, 'ERR_RULES');
      assert.deepEqual(r.body.error.violations.map((v: { code: string }) => v.code), ['NO_FINDING_WITH_BOXES']);
      assert.equal(r.body.error.violations[0].path, 'boxes[0]');
      const task = await taskById(server, ids[0]!);
      assert.deepEqual([task.status, task.version, task.submitted_at], ['in_progress', version, null]);
    });

    it('no global label: NO_GLOBAL_LABEL; every violation is reported', async () => {
      const version = await saved(reader, ids[0]!, { globals: [], boxes: [{ label: 'Nodule/Mass', xMin: 10, yMin: 10, xMax: IMAGE_WIDTH + 5, yMax: 50 }] });
      const r = await reader.post(`/api/tasks/${ids[0]}/submit`, { version });
      assert.equal(r.status, 422);
      assert.deepEqual(r.body.error.violations.map((v: { code: string }) => v.code).sort(), ['BOX_OUTSIDE_IMAGE', 'NO_GLOBAL_LABEL']);
    });

    it('a read that passes is submitted (version + 1) and the reply carries the next task, started', async () => {
      const version = await saved(reader, ids[0]!, GOOD_READ);
      const r = await reader.post(`/api/tasks/${ids[0]}/submit`, { version, readingMs: 42_000 });
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.task, { id: ids[0], kind: 'annotate', status: 'submitted', version: version + 1, position: 0, readingMs: 42_000 });
      assert.equal(r.body.next.task.id, ids[1]);
      assert.equal(r.body.next.task.status, 'in_progress');
      assert.deepEqual(r.body.next.annotation, { globals: [], boxes: [] });
      const task = await taskById(server, ids[0]!);
      assert.equal(task.status, 'submitted');
      assert.ok(task.submitted_at !== null);
      const entry = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'submit').where('entity_id', '=', String(ids[0])).executeTakeFirstOrThrow();
      assert.equal(JSON.parse(entry.detail_json).boxes, 1);
    });

    it('submitting again gets 409 already submitted; a stale version gets 409 with the current version', async () => {
      const again = await reader.post(`/api/tasks/${ids[0]}/submit`, { version: 99 });
      assert.equal(again.status, 409);
      assert.match(again.body.error.message, /already submitted/);
      await saved(reader, ids[1]!, GOOD_READ);
      const stale = await reader.post(`/api/tasks/${ids[1]}/submit`, { version: 0 });
      assert.equal(stale.body.error.code, 'ERR_VERSION_CONFLICT');
      assert.equal(stale.body.error.currentVersion, 1);
    });

    it('the last task submitted: next is null, and GET next says { task: null }', async () => {
      for (const id of ids.slice(1)) {
        const version = await saved(reader, id, GOOD_READ);
        const r = await reader.post(`/api/tasks/${id}/submit`, { version });
        assert.equal(r.status, 200);
        assert.equal(r.body.next === null, id === ids[ids.length - 1]);
      }
      const next = await reader.get(`/api/projects/${study.project.key}/tasks/next`);
      assert.equal(next.status, 200);
      assert.equal(next.body.task, null);
    });
  }

  it("checks the project's own rules (rules as data)", async () => {
    const study = await assignedStudy(server, { annotators: 3, images: 1, rules: [{ kind: 'requireGlobalLabel' }, { kind: 'maxBoxes', max: 1 }] });
    const reader = study.annotators[1]!;
    const [task] = await tasksOf(server, study, reader);
    const box = { label: 'Nodule/Mass', xMin: 10, yMin: 10, xMax: 50, yMax: 50 };
    const version = await saved(reader, task!.id, { globals: ['No finding'], boxes: [box, box] });
    const r = await reader.post(`/api/tasks/${task!.id}/submit`, { version });
    // this project has no "No finding excludes boxes" rule, but allows one box only
    assert.deepEqual(r.body.error.violations.map((v: { code: string }) => v.code), ['TOO_MANY_BOXES']);
  });

  it('consensus: the third submitted read opens the consensus and gives M reviewers who did not read the image a review task', async () => {
    const study = await assignedStudy(server, { workflow: 'consensus', readers: 3, reviewersPerImage: 2, annotators: 3, reviewers: 2, images: 2 });
    const db = server.ctx.db;
    // a reader of the images who is also a reviewer of the project must not review them
    await addMember(db, study.project.id, study.annotators[0]!.userId!, 'reviewer');
    const image = study.imageIds[0]!;
    // reviewer 1 already has a review elsewhere: the new task goes after it
    const at = new Date().toISOString();
    await db.insertInto('tasks').values({ project_id: study.project.id, image_id: study.imageIds[1]!, kind: 'review', user_id: study.reviewers[0]!.userId!, status: 'pending', position: 0, version: 0, reading_ms: 0, skip_reason: null, created_at: at, started_at: null, submitted_at: null, updated_at: at }).execute();

    for (const [i, reader] of study.annotators.entries()) {
      const task = (await tasksOf(server, study, reader)).find((t) => t.image_id === image)!;
      const version = await saved(reader, task.id, GOOD_READ);
      assert.equal((await reader.post(`/api/tasks/${task.id}/submit`, { version })).status, 200);
      const consensus = await db.selectFrom('consensus').selectAll().where('image_id', '=', image).executeTakeFirst();
      const reviews = await db.selectFrom('tasks').selectAll().where('image_id', '=', image).where('kind', '=', 'review').execute();
      if (i < 2) {
        assert.equal(consensus, undefined, `after read ${i + 1}`);
        assert.equal(reviews.length, 0);
      } else {
        assert.deepEqual([consensus?.status, consensus?.version], ['open', 0]);
        assert.equal((await db.selectFrom('consensus_annotations').selectAll().where('image_id', '=', image).execute()).length, 0);
        assert.deepEqual(reviews.map((t) => t.user_id).sort(), study.reviewers.map((r) => r.userId).sort());
        assert.ok(reviews.every((t) => t.status === 'pending'));
        assert.equal(reviews.find((t) => t.user_id === study.reviewers[0]!.userId)!.position, 1);
      }
    }
    const reviewer = study.reviewers[1]!;
    const next = await reviewer.get(`/api/projects/${study.project.key}/tasks/next?kind=review`);
    assert.equal(next.body.task.kind, 'review');
    assert.equal(next.body.image.id, image);
    assert.equal(next.body.annotation, undefined);
    // submit is for reads; a review is finished by approving the consensus
    assert.equal((await reviewer.post(`/api/tasks/${next.body.task.id}/submit`, { version: 0 })).status, 409);
  });

  it('consensus with too few eligible reviewers: as many review tasks as possible', async () => {
    const study = await assignedStudy(server, { workflow: 'consensus', readers: 2, reviewersPerImage: 2, annotators: 2, reviewers: 1, images: 1 });
    for (const reader of study.annotators) {
      const [task] = await tasksOf(server, study, reader);
      const version = await saved(reader, task!.id, GOOD_READ);
      assert.equal((await reader.post(`/api/tasks/${task!.id}/submit`, { version })).status, 200);
    }
    const reviews = await server.ctx.db.selectFrom('tasks').select('user_id').where('project_id', '=', study.project.id).where('kind', '=', 'review').execute();
    assert.deepEqual(reviews, [{ user_id: study.reviewers[0]!.userId }]);
    const entry = await server.ctx.db.selectFrom('audit_log').selectAll().where('project_id', '=', study.project.id).where('action', '=', 'open').executeTakeFirstOrThrow();
    assert.equal(JSON.parse(entry.detail_json).shortfall, 1);
  });

  it('consensus: concurrent last reads open the review exactly once', async () => {
    const study = await assignedStudy(server, { workflow: 'consensus', readers: 3, reviewersPerImage: 2, annotators: 3, reviewers: 3, images: 1 });
    const prepared = await Promise.all(study.annotators.map(async (reader) => {
      const [task] = await tasksOf(server, study, reader);
      return { reader, id: task!.id, version: await saved(reader, task!.id, GOOD_READ) };
    }));
    const results = await Promise.all(prepared.map(({ reader, id, version }) => reader.post(`/api/tasks/${id}/submit`, { version })));
    assert.deepEqual(results.map((r) => r.status), [200, 200, 200]);
    const reviews = await server.ctx.db.selectFrom('tasks').select('user_id').where('project_id', '=', study.project.id).where('kind', '=', 'review').execute();
    assert.equal(reviews.length, 2);
  });
});
