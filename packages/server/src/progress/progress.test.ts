import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ApiClient, createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { seedStudy, type Study } from '../export/study.test-fixture.js';

await forEachDialect('project progress', (dialect) => {
  let server: TestServer;
  let s: Study;
  before(async () => {
    server = await createTestServer(dialect);
    s = await seedStudy(server);
  });
  after(() => server.close());

  const url = (key: string) => `/api/projects/${key}/progress`;

  it("counts an independent project's reads, per reader done / remaining / median reading time", async () => {
    const r = await s.owner.get(url(s.train.key));
    assert.equal(r.status, 200);
    // 4 images x N = 3; submitted: 3 + 3 + 3 + 1 (img-004: carol); alice is reading img-004, bob has it pending, dave skipped it
    assert.equal(r.body.images, 4);
    assert.deepEqual(r.body.reads, { needed: 12, submitted: 10, inProgress: 1, pending: 1, skipped: 1 });
    assert.equal(r.body.consensus, undefined);
    const reader = (client: ApiClient) => ({ userId: client.userId, username: client.username, displayName: client.username!.toUpperCase() });
    assert.deepEqual(r.body.perReader, [
      // carol: 30, 10, 20, 40 s -> median 25 s; alice: 5, 7, 9 s; bob: 12, 8, 16 s
      { radId: 'R1', ...reader(s.carol), done: 4, remaining: 0, skipped: 0, medianReadingMs: 25000 },
      { radId: 'R2', ...reader(s.alice), done: 3, remaining: 1, skipped: 0, medianReadingMs: 7000 },
      { radId: 'R3', ...reader(s.bob), done: 3, remaining: 1, skipped: 0, medianReadingMs: 12000 },
      { radId: null, ...reader(s.dave), done: 0, remaining: 0, skipped: 1, medianReadingMs: null },
    ]);
  });

  it("gives Fleiss' kappa per global label (worked out by hand) and box agreement", async () => {
    const { agreement } = (await s.admin.get(url(s.train.key))).body;
    assert.equal(agreement.raters, 3);
    assert.equal(agreement.imagesUsed, 3);
    assert.equal(agreement.imagesLeftOut, 1, 'img-004 has one submitted read');
    const kappa = Object.fromEntries(agreement.labels.map((l: { label: string; kappa: number }) => [l.label, l.kappa]));
    // Lung tumor: all three on img-003, none elsewhere: P = 1, Pe = 5/9 -> 1
    assert.equal(kappa['Lung tumor'], 1);
    // No finding: 1/3, 2/3, 0/3 positive: P = (1/3 + 1/3 + 1) / 3 = 5/9 = Pe -> 0
    assert.ok(Math.abs(kappa['No finding']) < 1e-12);
    // one positive rating of 9: P = 7/9, Pe = 65/81 -> -1/8
    for (const label of ['COPD', 'Pneumonia', 'Tuberculosis']) assert.ok(Math.abs(kappa[label] + 0.125) < 1e-12, label);
    // Other diseases: 2 of 3 on img-001: P = 7/9, Pe = 53/81 -> 10/28
    assert.ok(Math.abs(kappa['Other diseases'] - 10 / 28) < 1e-12);
    assert.ok(Math.abs(agreement.overall - (1 + 0 - 0.375 + 10 / 28) / 6) < 1e-12);
    const nodule = agreement.boxes.find((b: { className: string }) => b.className === 'Nodule/Mass');
    // img-003: three near-identical boxes, every pair matches (3 pairs x 2 boxes); img-002: only R3 drew one (2 pairs x 1 box)
    assert.deepEqual({ pairImages: nodule.pairImages, boxes: nodule.boxes, matched: nodule.matched, f1: nodule.f1 }, { pairImages: 5, boxes: 8, matched: 3, f1: 0.75 });
    assert.ok(nodule.meanIou > 0.8 && nodule.meanIou <= 1);
  });

  it('counts the consensus of a consensus project', async () => {
    const r = await s.owner.get(url(s.test.key));
    assert.equal(r.status, 200);
    assert.equal(r.body.images, 3);
    assert.deepEqual(r.body.reads, { needed: 9, submitted: 9, inProgress: 0, pending: 0, skipped: 0 });
    assert.deepEqual(r.body.consensus, { open: 1, final: 2 });
    assert.deepEqual(r.body.perReader.map((p: { radId: string; done: number; medianReadingMs: number }) => [p.radId, p.done, p.medianReadingMs]), [['R1', 3, 1000], ['R2', 3, 1000], ['R3', 3, 1000]]);
    // every reader said No finding on every image: kappa undefined (null), but there are 3 readers per image
    assert.equal(r.body.agreement.raters, 3);
    assert.ok(r.body.agreement.labels.every((l: { kappa: number | null }) => l.kappa === null));
    assert.equal(r.body.agreement.overall, null);
    assert.equal((await s.owner.get(`${url(s.test.key)}?agreement=false`)).body.agreement, null);
  });

  it('gives no agreement while no image has two reads', async () => {
    await s.db.updateTable('tasks').set({ status: 'in_progress' }).where('project_id', '=', s.test.id).where('kind', '=', 'annotate').where('user_id', '!=', s.alice.userId!).execute();
    const r = await s.owner.get(url(s.test.key));
    assert.equal(r.body.agreement, null);
    assert.equal(r.body.reads.submitted, 3);
    assert.equal(r.body.reads.inProgress, 6);
    await s.db.updateTable('tasks').set({ status: 'submitted' }).where('project_id', '=', s.test.id).where('kind', '=', 'annotate').execute();
  });

  it('computes agreement again once a submitted read changes (it is cached between requests)', async () => {
    const before = (await s.owner.get(url(s.train.key))).body.agreement;
    assert.deepEqual((await s.owner.get(url(s.train.key))).body.agreement, before);
    // bob's read of img-001 now says Other diseases, as carol's and alice's do: 3 of 3 there, none elsewhere
    const task = await s.db.selectFrom('tasks as t').innerJoin('images as i', 'i.id', 't.image_id').select('t.id').where('t.project_id', '=', s.train.id).where('t.user_id', '=', s.bob.userId!).where('i.image_id', '=', 'img-001').executeTakeFirstOrThrow();
    await s.db.updateTable('annotations').set({ label: 'Other diseases' }).where('task_id', '=', task.id).where('label', '=', 'No finding').execute();
    await s.db.updateTable('tasks').set({ updated_at: new Date(Date.now() + 60_000).toISOString() }).where('id', '=', task.id).execute();
    const after = (await s.owner.get(url(s.train.key))).body.agreement;
    const kappa = (a: { labels: Array<{ label: string; kappa: number }> }, label: string) => a.labels.find((l) => l.label === label)!.kappa;
    assert.ok(Math.abs(kappa(before, 'Other diseases') - 10 / 28) < 1e-12);
    assert.equal(kappa(after, 'Other diseases'), 1);
  });

  it('tells each member only their own progress', async () => {
    const alice = await s.alice.get(`${url(s.train.key)}/me`);
    assert.equal(alice.status, 200);
    assert.deepEqual(alice.body, { done: 3, remaining: 1, skipped: 0, medianReadingMs: 7000, reviews: { done: 0, remaining: 0 } });
    assert.deepEqual((await s.carol.get(`${url(s.train.key)}/me`)).body, { done: 4, remaining: 0, skipped: 0, medianReadingMs: 25000, reviews: { done: 0, remaining: 0 } });
    assert.deepEqual((await s.dave.get(`${url(s.train.key)}/me`)).body, { done: 0, remaining: 0, skipped: 1, medianReadingMs: null, reviews: { done: 0, remaining: 0 } });
    assert.deepEqual((await s.erin.get(`${url(s.test.key)}/me`)).body, { done: 0, remaining: 0, skipped: 0, medianReadingMs: null, reviews: { done: 2, remaining: 1 } });
    // nothing about anyone else: no names, ids or pseudonyms
    const text = JSON.stringify(alice.body);
    for (const name of s.names) assert.ok(!text.includes(name));
    assert.ok(!/R[0-9]|userId|radId/.test(text));
  });

  it('shows the whole project only to owners and administrators; members get 403, others 404', async () => {
    const cases: Array<[string, ApiClient, number, number]> = [
      ['admin', s.admin, 200, 200], ['owner', s.owner, 200, 200], ['annotator', s.alice, 403, 200], ['reviewer', s.erin, 403, 200], ['outsider', s.outsider, 404, 404], ['anonymous', new ApiClient(server.app), 401, 401],
    ];
    for (const [who, client, whole, own] of cases) {
      const r = await client.get(url(s.test.key));
      assert.equal(r.status, whole, `${who} progress`);
      if (whole === 403) assert.equal(r.body.perReader, undefined);
      assert.equal((await client.get(`${url(s.test.key)}/me`)).status, own, `${who} progress/me`);
    }
    assert.equal((await s.erin.get(url(s.train.key))).status, 404, 'erin is no member of TRAIN');
    assert.equal((await s.admin.get('/api/projects/NOPE/progress')).status, 404);
    assert.equal((await s.owner.get(`${url(s.train.key)}?agreement=maybe`)).status, 400);
  });
});
