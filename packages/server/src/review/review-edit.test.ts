// Editing the consensus: label validation against the project's schema, copying from a read, the
// project's rules on approval (422 with the violations), withdrawing an approval.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { readConsensus } from './consensus-read.js';
import { auditRows, buildReviewFixture, IMAGE_WIDTH, READS, type ReviewFixture } from './review.test-fixture.js';

await forEachDialect('review routes: editing, copying, rules', (dialect) => {
  let server: TestServer;
  let f: ReviewFixture;
  let url: (action: string) => string;
  before(async () => {
    server = await createTestServer(dialect);
    f = await buildReviewFixture(server, 'edit');
    url = (action) => `/api/tasks/${f.reviewTask1}/${action}`;
  });
  after(() => server.close());

  it('refuses labels the schema lacks or of the wrong kind, and malformed bodies, naming the field', async () => {
    const box = { label: 'Nodule/Mass', xMin: 1, yMin: 2, xMax: 30, yMax: 40 };
    const cases: [unknown, string][] = [
      [{ version: 0, globals: ['Flu'], boxes: [] }, 'body.globals[0]'],
      [{ version: 0, globals: ['COPD', 'Nodule/Mass'], boxes: [] }, 'body.globals[1]'],
      [{ version: 0, globals: ['COPD'], boxes: [box, { ...box, label: 'Pneumonia' }] }, 'body.boxes[1].label'],
      [{ version: 0, globals: ['COPD'], boxes: [{ ...box, label: 'Sarcoma' }] }, 'body.boxes[0].label'],
      [{ version: 0, globals: ['COPD', 'Other disease', 'Other diseases'], boxes: [] }, 'body.globals[2]'],
      [{ version: 0, globals: ['COPD', 'COPD'], boxes: [] }, 'body.globals'],
      [{ globals: ['COPD'], boxes: [] }, 'body.version'],
      [{ version: '0', globals: ['COPD'], boxes: [] }, 'body.version'],
      [{ version: 0, globals: ['COPD'], boxes: [{ ...box, xMin: '1' }] }, 'body.boxes[0].xMin'],
      [{ version: 0, globals: ['COPD'], boxes: [{ ...box, colour: 'red' }] }, 'body.boxes[0].colour'],
      [{ version: 0, globals: ['COPD'], boxes: [], status: 'final' }, 'body.status'],
    ];
    for (const [body, field] of cases) {
      const r = await f.reviewer1.put(url('consensus'), body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, 'ERR_VALIDATION');
      assert.equal(r.body.error.field, field, JSON.stringify(body));
    }
    assert.equal((await readConsensus(f.db, f.image.id))?.version, 0);
    const approve = await f.reviewer1.post(url('approve'), {});
    assert.equal(approve.status, 400);
    assert.equal(approve.body.error.field, 'body.version');
  });

  it('stores labels as the schema spells them (aliases accepted) and replaces the whole consensus', async () => {
    const r = await f.reviewer1.put(url('consensus'), { version: 0, globals: ['Other disease'], boxes: [{ label: 'Interstitial lung disease', xMin: 5, yMin: 6, xMax: 70, yMax: 80 }] });
    assert.deepEqual(r.body, { version: 1, withdrawn: 0 });
    let c = await readConsensus(f.db, f.image.id);
    assert.deepEqual(c?.globals, ['Other diseases']);
    assert.deepEqual(c?.boxes.map((b) => b.label), ['ILD']);
    await f.reviewer1.put(url('consensus'), { version: 1, globals: ['COPD'], boxes: [] });
    c = await readConsensus(f.db, f.image.id);
    assert.deepEqual([c?.version, c?.globals, c?.boxes], [2, ['COPD'], []]);
    const edits = await auditRows(f.db, f.project.id, 'edit-consensus');
    assert.deepEqual(edits.map((e) => [e.user_id, e.detail['version']]), [[f.reviewer1.userId, 1], [f.reviewer1.userId, 2]]);
  });

  it('approval checks the project rules: 422 ERR_RULES with the violations; nothing is approved', async () => {
    let version = (await readConsensus(f.db, f.image.id))!.version;
    const tryRead = async (globals: string[], boxes: unknown[]) => {
      version = (await f.reviewer1.put(url('consensus'), { version, globals, boxes })).body.version;
      return f.reviewer1.post(url('approve'), { version });
    };
    const box = { label: 'Nodule/Mass', xMin: 100, yMin: 100, xMax: 200, yMax: 200 };
    const cases: [string[], unknown[], string, string][] = [
      [[], [], 'NO_GLOBAL_LABEL', 'globals'],
      [['No finding'], [box], 'NO_FINDING_WITH_BOXES', 'boxes[0]'],
      [['No finding', 'COPD'], [], 'NO_FINDING_WITH_LABELS', 'globals[1]'],
      [['COPD'], [{ ...box, xMax: IMAGE_WIDTH + 10 }], 'BOX_OUTSIDE_IMAGE', 'boxes[0]'],
      [['COPD'], [{ ...box, xMax: box.xMin }], 'BOX_EMPTY', 'boxes[0]'],
    ];
    for (const [globals, boxes, code, path] of cases) {
      const r = await tryRead(globals, boxes);
      assert.equal(r.status, 422, code);
      assert.equal(r.body.error.code, 'ERR_RULES');
      const found = (r.body.error.violations as { code: string; path: string }[]).find((v) => v.code === code);
      assert.ok(found, `${code} in ${JSON.stringify(r.body.error.violations)}`);
      assert.ok(found.path.startsWith(path), `${found.path} starts with ${path}`);
    }
    assert.equal((await f.db.selectFrom('approvals').selectAll().where('image_id', '=', f.image.id).execute()).length, 0);
    assert.equal((await auditRows(f.db, f.project.id, 'approve')).length, 0);
  });

  it("uses the project's own rule set, not the defaults", async () => {
    const g = await buildReviewFixture(server, 'rules', { rules: [{ kind: 'requireGlobalLabel' }, { kind: 'maxBoxes', max: 1, id: 'one-box' }] });
    const t = `/api/tasks/${g.reviewTask1}`;
    await g.reviewer1.put(`${t}/consensus`, { version: 0, globals: ['Pneumonia'], boxes: READS.alice.boxes });
    const r = await g.reviewer1.post(`${t}/approve`, { version: 1 });
    assert.equal(r.status, 422);
    assert.deepEqual(r.body.error.violations.map((v: { ruleId: string; code: string }) => [v.ruleId, v.code]), [['one-box', 'TOO_MANY_BOXES']]);
    // "No finding" with a box passes this project's rules (it has no exclusiveLabel rule).
    await g.reviewer1.put(`${t}/consensus`, { version: 1, globals: ['No finding'], boxes: [READS.bob.boxes[0]] });
    assert.equal((await g.reviewer1.post(`${t}/approve`, { version: 2 })).status, 200);
  });

  it("copies one box, or all of a reader's boxes and globals, as a versioned edit", async () => {
    const g = await buildReviewFixture(server, 'copy');
    const t = `/api/tasks/${g.reviewTask1}`;
    await g.reviewer2.put(`/api/tasks/${g.reviewTask2}/consensus`, { version: 0, globals: ['Pneumonia'], boxes: [] });
    await g.reviewer2.post(`/api/tasks/${g.reviewTask2}/approve`, { version: 1 });
    const one = await g.reviewer1.post(`${t}/copy`, { version: 1, from: 'R2', boxIndex: 1 });
    assert.deepEqual(one.body, { version: 2, withdrawn: 1, copied: { boxes: 1, globals: 0 } });
    let c = await readConsensus(g.db, g.image.id);
    assert.deepEqual(c?.globals, ['Pneumonia']);
    assert.deepEqual(c?.boxes.map(({ id: _id, ...b }) => b), [READS.alice.boxes[1]]);
    const all = await g.reviewer1.post(`${t}/copy`, { version: 2, from: 'R2', globals: true });
    assert.deepEqual(all.body, { version: 3, withdrawn: 0, copied: { boxes: 1, globals: 1 } });
    c = await readConsensus(g.db, g.image.id);
    assert.deepEqual(c?.globals, ['Pneumonia', 'Other diseases']);
    assert.deepEqual(c?.boxes.map(({ id: _id, ...b }) => b), [READS.alice.boxes[1], READS.alice.boxes[0]]);
    const bob = await g.reviewer1.post(`${t}/copy`, { version: 3, from: 'R1' });
    assert.deepEqual(bob.body.copied, { boxes: 1, globals: 0 });
    assert.equal((await readConsensus(g.db, g.image.id))?.boxes.length, 3);

    const refusals: [unknown, number, string][] = [
      [{ version: 4, from: 'R4' }, 400, 'body.from'], // dave has not submitted
      [{ version: 4, from: 'R9' }, 400, 'body.from'],
      [{ version: 4, from: 'R2', boxIndex: 2 }, 400, 'body.boxIndex'],
      [{ version: 4, from: 'R2', boxIndex: -1 }, 400, 'body.boxIndex'],
      [{ version: 4 }, 400, 'body.from'],
      [{ version: 3, from: 'R2' }, 409, 'version'],
    ];
    for (const [body, status, field] of refusals) {
      const r = await g.reviewer1.post(`${t}/copy`, body);
      assert.equal(r.status, status, JSON.stringify(body));
      assert.equal(r.body.error.field, field, JSON.stringify(body));
    }
    assert.equal((await readConsensus(g.db, g.image.id))?.version, 4);
    const copies = (await auditRows(g.db, g.project.id, 'edit-consensus')).filter((e) => e.detail['copiedFrom'] !== undefined);
    assert.deepEqual(copies.map((e) => e.detail['copiedFrom']), ['R2', 'R2', 'R1']);
  });

  it('withdraws one\'s own approval while open, recorded in the audit log', async () => {
    const g = await buildReviewFixture(server, 'wd');
    const t = `/api/tasks/${g.reviewTask1}`;
    await g.reviewer1.put(`${t}/consensus`, { version: 0, ...READS.bob });
    await g.reviewer1.post(`${t}/approve`, { version: 1 });
    await g.reviewer2.post(`/api/tasks/${g.reviewTask2}/approve`, { version: 0 }).then((r) => assert.equal(r.status, 409));
    assert.deepEqual((await g.reviewer1.post(`${t}/withdraw`)).body, { withdrawn: true });
    assert.deepEqual((await g.reviewer1.post(`${t}/withdraw`)).body, { withdrawn: false });
    assert.deepEqual((await g.reviewer1.get(`${t}/review`)).body.approvals, []);
    const rows = await auditRows(g.db, g.project.id, 'withdraw-approval');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.user_id, g.reviewer1.userId);
    assert.equal(rows[0]!.detail['approvedVersion'], 1);
    // Approving again, then the other reviewer approving, finalizes.
    await g.reviewer1.post(`${t}/approve`, { version: 1 });
    assert.equal((await g.reviewer2.post(`/api/tasks/${g.reviewTask2}/approve`, { version: 1 })).body.final, true);
  });
});
