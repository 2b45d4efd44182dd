import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ApiClient } from '../testing/index.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { IMAGE_HEIGHT, IMAGE_WIDTH } from '../workflow/workflow.test-fixture.js';
import { MAX_READING_MS } from './reading-time.js';
import { assignedStudy, GOOD_READ, taskById, tasksOf, type AssignedStudy } from './tasks.test-fixture.js';

await forEachDialect('saving a draft read', (dialect) => {
  let server: TestServer;
  let study: AssignedStudy;
  let reader: ApiClient;
  let ids: number[];
  before(async () => {
    server = await createTestServer(dialect);
    study = await assignedStudy(server, { annotators: 3, reviewers: 1, images: 8 });
    reader = study.annotators[0]!;
    ids = (await tasksOf(server, study, reader)).map((t) => t.id);
  });
  after(() => server.close());

  it('replaces the read, moves the version on and shows the read back; an incomplete draft is fine', async () => {
    const url = `/api/tasks/${ids[0]}/annotation`;
    const first = await reader.put(url, { version: 0, globals: ['Pneumonia', 'COPD'], boxes: [{ label: 'Nodule/Mass', xMin: 1, yMin: 2, xMax: 30.5, yMax: 40 }] });
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { version: 1 });
    const view = await reader.get(`/api/tasks/${ids[0]}`);
    assert.deepEqual(view.body.task, { id: ids[0], kind: 'annotate', status: 'in_progress', version: 1, position: 0, readingMs: 0 });
    assert.deepEqual(view.body.annotation.globals, ['Pneumonia', 'COPD']);
    assert.deepEqual(view.body.annotation.boxes.map(({ id: _id, ...box }: { id: number }) => box), [{ label: 'Nodule/Mass', xMin: 1, yMin: 2, xMax: 30.5, yMax: 40 }]);
    assert.equal(view.body.image.width, IMAGE_WIDTH);
    assert.equal(view.body.image.height, IMAGE_HEIGHT);
    assert.deepEqual(view.body.image.windows, [{ name: 'Lung', center: -600, width: 1500 }]);
    assert.deepEqual(view.body.image.keyValues, { Modality: 'DX', ViewPosition: 'PA' });
    assert.deepEqual(view.body.project, { key: study.project.key, workflow: 'independent' });
    // a draft need not pass the rules: no global label, a box outside the image; boxes sent back with their ids are accepted
    const second = await reader.put(url, { version: 1, globals: [], boxes: [{ ...view.body.annotation.boxes[0], xMax: 99999 }] });
    assert.deepEqual(second.body, { version: 2 });
    const again = await reader.get(`/api/tasks/${ids[0]}`);
    assert.deepEqual(again.body.annotation.globals, []);
    assert.equal(again.body.annotation.boxes[0].xMax, 99999);
    const started = await taskById(server, ids[0]!);
    assert.ok(started.started_at !== null);
  });

  it('two saves from the same version: the second gets 409 with the current version, and the first is kept', async () => {
    const url = `/api/tasks/${ids[1]}/annotation`;
    const a = await reader.put(url, { version: 0, globals: ['Tuberculosis'], boxes: [] });
    const b = await reader.put(url, { version: 0, globals: ['COPD'], boxes: [] });
    assert.equal(a.status, 200);
    assert.equal(b.status, 409);
    assert.equal(b.body.error.code, 'ERR_VERSION_CONFLICT');
    assert.equal(b.body.error.currentVersion, 1);
    assert.deepEqual((await reader.get(`/api/tasks/${ids[1]}`)).body.annotation.globals, ['Tuberculosis']);
    assert.equal((await reader.put(url, { version: 1, globals: ['COPD'], boxes: [] })).status, 200);
  });

  it('concurrent saves from one version: exactly one wins', async () => {
    const url = `/api/tasks/${ids[2]}/annotation`;
    const results = await Promise.all(['COPD', 'Pneumonia', 'Tuberculosis', 'Lung tumor'].map((g) => reader.put(url, { version: 0, globals: [g], boxes: [] })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409, 409]);
    const winner = results.findIndex((r) => r.status === 200);
    assert.deepEqual((await reader.get(`/api/tasks/${ids[2]}`)).body.annotation.globals, [['COPD', 'Pneumonia', 'Tuberculosis', 'Lung tumor'][winner]]);
  });

  it('labels must be the project schema\'s (aliases are stored as the schema spells them)', async () => {
    const url = `/api/tasks/${ids[3]}/annotation`;
    const box = { label: 'Nodule/Mass', xMin: 1, yMin: 1, xMax: 5, yMax: 5 };
    const badBox = await reader.put(url, { version: 0, globals: ['COPD'], boxes: [box, { ...box, label: 'Lung nodule' }] });
    assert.equal(badBox.status, 400);
    assert.equal(badBox.body.error.field, 'body.boxes[1].label');
    assert.match(badBox.body.error.message, /Lung nodule/);
    const badGlobal = await reader.put(url, { version: 0, globals: ['COPD', 'Flu'], boxes: [] });
    assert.equal(badGlobal.body.error.field, 'body.globals[1]');
    const alias = await reader.put(url, { version: 0, globals: ['Other disease'], boxes: [{ ...box, label: 'Interstitial lung disease' }] });
    assert.equal(alias.status, 200);
    const view = await reader.get(`/api/tasks/${ids[3]}`);
    assert.deepEqual(view.body.annotation.globals, ['Other diseases']);
    assert.equal(view.body.annotation.boxes[0].label, 'ILD');
  });

  it('validates the shape: types, limits and unknown properties get 400 naming the field', async () => {
    const url = `/api/tasks/${ids[4]}/annotation`;
    const box = { label: 'Nodule/Mass', xMin: 1, yMin: 1, xMax: 5, yMax: 5 };
    const cases: [unknown, string][] = [
      [{ version: 0, globals: [], boxes: [{ ...box, xMin: '1' }] }, 'body.boxes[0].xMin'],
      [{ version: 0, globals: [], boxes: [{ ...box, colour: 'red' }] }, 'body.boxes[0].colour'],
      [{ version: 0, globals: [], boxes: Array.from({ length: 2001 }, () => box) }, 'body.boxes'],
      [{ version: 0, globals: Array.from({ length: 51 }, () => 'COPD'), boxes: [] }, 'body.globals'],
      [{ version: -1, globals: [], boxes: [] }, 'body.version'],
      [{ globals: [], boxes: [] }, 'body.version'],
      [{ version: 0, globals: [7], boxes: [] }, 'body.globals[0]'],
      [{ version: 0, globals: [], boxes: [], readingMs: 1.5 }, 'body.readingMs'],
    ];
    for (const [body, field] of cases) {
      const r = await reader.put(url, body);
      assert.equal(r.status, 400, field);
      assert.equal(r.body.error.field, field);
    }
    const many = await reader.put(url, { version: 0, globals: ['Pneumonia'], boxes: Array.from({ length: 2000 }, (_, i) => ({ ...box, xMin: i })) });
    assert.equal(many.status, 200);
    assert.equal((await reader.get(`/api/tasks/${ids[4]}`)).body.annotation.boxes.length, 2000);
  });

  it('keeps the largest reading time reported, capped at one hour', async () => {
    const url = `/api/tasks/${ids[5]}/annotation`;
    const put = (version: number, readingMs: number) => reader.put(url, { version, globals: [], boxes: [], readingMs });
    await put(0, 5000);
    await put(1, 3000);
    assert.equal((await taskById(server, ids[5]!)).reading_ms, 5000);
    await put(2, 7000);
    assert.equal((await taskById(server, ids[5]!)).reading_ms, 7000);
    await put(3, 10 * 3_600_000);
    assert.equal((await taskById(server, ids[5]!)).reading_ms, MAX_READING_MS);
  });

  it('a submitted task cannot be saved (409 already submitted); a review task has no read to save', async () => {
    const id = ids[6]!;
    assert.equal((await reader.put(`/api/tasks/${id}/annotation`, { version: 0, ...GOOD_READ })).status, 200);
    assert.equal((await reader.post(`/api/tasks/${id}/submit`, { version: 1 })).status, 200);
    const r = await reader.put(`/api/tasks/${id}/annotation`, { version: 2, ...GOOD_READ });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'ERR_CONFLICT');
    assert.match(r.body.error.message, /already submitted/);
    // also with a stale version: "submitted" is the reason that matters
    assert.match((await reader.put(`/api/tasks/${id}/annotation`, { version: 0, ...GOOD_READ })).body.error.message, /already submitted/);

    const reviewer = study.reviewers[0]!;
    const at = new Date().toISOString();
    const review = await server.ctx.db
      .insertInto('tasks')
      .values({ project_id: study.project.id, image_id: study.imageIds[0]!, kind: 'review', user_id: reviewer.userId!, status: 'pending', position: 0, version: 0, reading_ms: 0, skip_reason: null, created_at: at, started_at: null, submitted_at: null, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const onReview = await reviewer.put(`/api/tasks/${review.id}/annotation`, { version: 0, ...GOOD_READ });
    assert.equal(onReview.status, 409);
    const reviewView = await reviewer.get(`/api/tasks/${review.id}`);
    assert.equal(reviewView.status, 200);
    assert.equal(reviewView.body.annotation, undefined);
    assert.equal(reviewView.body.task.kind, 'review');
  });

  it('audits each save with counts only', async () => {
    const rows = await server.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'task').where('entity_id', '=', String(ids[0])).where('action', '=', 'save').orderBy('id').execute();
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.user_id, reader.userId);
    assert.deepEqual(JSON.parse(rows[0]!.detail_json), { version: 1, globals: 2, boxes: 1 });
  });
});
