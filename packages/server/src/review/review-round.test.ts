// A full consensus round, as the VinDr-CXR test set was settled: edits, approvals withdrawn by edits,
// stale approvals refused, the last approval makes the consensus final; plus concurrent approvals and
// edits, and a panel changed by a re-assignment.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { readConsensus } from './consensus-read.js';
import { auditRows, buildReviewFixture, READS } from './review.test-fixture.js';

await forEachDialect('review routes: a consensus round', (dialect) => {
  let server: TestServer;
  before(async () => {
    server = await createTestServer(dialect);
  });
  after(() => server.close());

  it('edit, approve, edit (approval withdrawn), stale approval 409, both approve -> final, then frozen', async () => {
    const f = await buildReviewFixture(server, 'round');
    const t1 = `/api/tasks/${f.reviewTask1}`;
    const t2 = `/api/tasks/${f.reviewTask2}`;
    const v1 = { globals: ['Pneumonia'], boxes: [READS.bob.boxes[0]!] };
    assert.deepEqual((await f.reviewer1.put(`${t1}/consensus`, { version: 0, ...v1 })).body, { version: 1, withdrawn: 0 });
    assert.deepEqual((await f.reviewer2.post(`${t2}/approve`, { version: 1 })).body, { approved: true, final: false });

    const v2 = { globals: ['Pneumonia', 'Other diseases'], boxes: [READS.bob.boxes[0]!, READS.alice.boxes[1]!] };
    assert.deepEqual((await f.reviewer1.put(`${t1}/consensus`, { version: 1, ...v2 })).body, { version: 2, withdrawn: 1 });
    const withdrawn = await auditRows(f.db, f.project.id, 'withdraw-approval');
    assert.equal(withdrawn.length, 1);
    assert.equal(withdrawn[0]!.user_id, f.reviewer1.userId, 'recorded with the editor');
    assert.equal(withdrawn[0]!.detail['reviewerId'], f.reviewer2.userId);
    assert.equal(withdrawn[0]!.detail['approvedVersion'], 1);
    assert.deepEqual((await f.reviewer2.get(`${t2}/review`)).body.approvals, []);

    const stale = await f.reviewer2.post(`${t2}/approve`, { version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'ERR_VERSION_CONFLICT');
    assert.equal(stale.body.error.currentVersion, 2);
    const staleEdit = await f.reviewer2.put(`${t2}/consensus`, { version: 1, globals: ['COPD'], boxes: [] });
    assert.equal(staleEdit.status, 409);
    assert.equal(staleEdit.body.error.currentVersion, 2);

    assert.deepEqual((await f.reviewer1.post(`${t1}/approve`, { version: 2 })).body, { approved: true, final: false });
    assert.deepEqual((await f.reviewer2.post(`${t2}/approve`, { version: 2 })).body, { approved: true, final: true });

    const consensus = await f.db.selectFrom('consensus').selectAll().where('image_id', '=', f.image.id).executeTakeFirstOrThrow();
    assert.equal(consensus.status, 'final');
    assert.equal(consensus.version, 2);
    const tasks = await f.db.selectFrom('tasks').select(['id', 'status', 'submitted_at']).where('id', 'in', [f.reviewTask1, f.reviewTask2]).execute();
    for (const t of tasks) {
      assert.equal(t.status, 'submitted');
      assert.ok(t.submitted_at !== null);
    }
    const other = await f.db.selectFrom('tasks').select('status').where('id', '=', f.otherReviewTask).executeTakeFirstOrThrow();
    assert.equal(other.status, 'pending', 'another image is untouched');

    for (const [what, r] of [
      ['edit', await f.reviewer1.put(`${t1}/consensus`, { version: 2, globals: ['COPD'], boxes: [] })],
      ['approve', await f.reviewer1.post(`${t1}/approve`, { version: 2 })],
      ['withdraw', await f.reviewer2.post(`${t2}/withdraw`)],
      ['copy', await f.reviewer1.post(`${t1}/copy`, { version: 2, from: 'R3', globals: true })],
    ] as const) {
      assert.equal(r.status, 409, what);
      assert.equal(r.body.error.code, 'ERR_CONFLICT', what);
      assert.equal(r.body.error.message, 'consensus is final', what);
    }

    const view = (await f.reviewer1.get(`${t1}/review`)).body;
    assert.equal(view.consensus.status, 'final');
    assert.equal(view.task.status, 'submitted');
    assert.deepEqual(view.approvals.map((a: { reviewer: string; current: boolean }) => [a.reviewer, a.current]), [['Reviewer 1', true], ['Reviewer 2', true]]);

    assert.equal((await auditRows(f.db, f.project.id, 'edit-consensus')).length, 2);
    assert.equal((await auditRows(f.db, f.project.id, 'approve')).length, 3);
    const finalized = await auditRows(f.db, f.project.id, 'finalize-consensus');
    assert.equal(finalized.length, 1);
    assert.equal(finalized[0]!.entity_id, String(f.image.id));

    const read = await readConsensus(f.db, f.image.id);
    assert.equal(read?.status, 'final');
    assert.deepEqual(read?.globals, v2.globals);
    assert.deepEqual(read?.boxes.map(({ id: _id, ...b }) => b), v2.boxes);
  });

  it('two reviewers approving at once: both succeed and the consensus becomes final exactly once', async () => {
    for (let round = 0; round < 3; round++) {
      const f = await buildReviewFixture(server, `conc${round}`);
      await f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 0, ...READS.carol });
      const [a, b] = await Promise.all([
        f.reviewer1.post(`/api/tasks/${f.reviewTask1}/approve`, { version: 1 }),
        f.reviewer2.post(`/api/tasks/${f.reviewTask2}/approve`, { version: 1 }),
      ]);
      assert.equal(a.status, 200);
      assert.equal(b.status, 200);
      assert.deepEqual([a.body.final, b.body.final].sort(), [false, true]);
      assert.equal((await auditRows(f.db, f.project.id, 'finalize-consensus')).length, 1);
      assert.equal((await readConsensus(f.db, f.image.id))?.status, 'final');
    }
  });

  it('two edits of the same version at once: one wins, the other gets 409', async () => {
    const f = await buildReviewFixture(server, 'race');
    const results = await Promise.all([
      f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 0, globals: ['COPD'], boxes: [] }),
      f.reviewer2.put(`/api/tasks/${f.reviewTask2}/consensus`, { version: 0, globals: ['Tuberculosis'], boxes: [] }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
    const winner = results.find((r) => r.status === 200)!;
    assert.equal(winner.body.version, 1);
    const consensus = await readConsensus(f.db, f.image.id);
    assert.equal(consensus?.version, 1);
    assert.equal(consensus?.globals.length, 1);
  });

  it('an edit racing an approval: the approval either lands first (and is withdrawn) or gets 409', async () => {
    const f = await buildReviewFixture(server, 'mix');
    await f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 0, ...READS.carol });
    const [edit, approve] = await Promise.all([
      f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 1, globals: ['COPD'], boxes: [] }),
      f.reviewer2.post(`/api/tasks/${f.reviewTask2}/approve`, { version: 1 }),
    ]);
    assert.equal(edit.status, 200);
    if (approve.status === 200) assert.equal(edit.body.withdrawn, 1);
    else {
      assert.equal(approve.status, 409);
      assert.equal(edit.body.withdrawn, 0);
    }
    assert.equal((await f.db.selectFrom('approvals').selectAll().where('image_id', '=', f.image.id).execute()).length, 0);
  });

  it('after a skip the replacement reviewer completes the panel, and the one who skipped changes nothing more', async () => {
    const f = await buildReviewFixture(server, 'skip');
    await f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 0, ...READS.alice });
    const skip = await f.reviewer2.post(`/api/tasks/${f.reviewTask2}/skip`, { reason: 'I reported this image myself' });
    assert.equal(skip.status, 200);
    assert.equal(skip.body.replaced, true);
    // the replacement goes to the project's other reviewer, who neither read image A nor reviews it
    const replacement = await f.db.selectFrom('tasks').select('id').where('image_id', '=', f.image.id).where('kind', '=', 'review').where('user_id', '=', f.otherReviewer.userId!).executeTakeFirstOrThrow();
    for (const attempt of [
      f.reviewer2.post(`/api/tasks/${f.reviewTask2}/approve`, { version: 1 }),
      f.reviewer2.put(`/api/tasks/${f.reviewTask2}/consensus`, { version: 1, ...READS.bob }),
      f.reviewer2.post(`/api/tasks/${f.reviewTask2}/withdraw`),
    ]) {
      const response = await attempt;
      assert.equal(response.status, 409);
      assert.match(response.body.error.message, /skipped/);
    }
    assert.equal((await f.otherReviewer.get(`/api/tasks/${replacement.id}/review`)).body.reviewers, 2);
    assert.deepEqual((await f.reviewer1.post(`/api/tasks/${f.reviewTask1}/approve`, { version: 1 })).body, { approved: true, final: false });
    assert.deepEqual((await f.otherReviewer.post(`/api/tasks/${replacement.id}/approve`, { version: 1 })).body, { approved: true, final: true });
    const statuses = await f.db.selectFrom('tasks').select(['id', 'status']).where('image_id', '=', f.image.id).where('kind', '=', 'review').orderBy('id').execute();
    assert.deepEqual(statuses.map((t) => t.status), ['submitted', 'skipped', 'submitted']);
  });

  it('after a re-assignment the new panel decides; the re-assigned task stays re-assigned', async () => {
    const f = await buildReviewFixture(server, 'panel');
    const newcomer = await server.user('panel.newcomer');
    const at = new Date().toISOString();
    await f.db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', f.reviewTask2).execute();
    await f.db.insertInto('memberships').values({ project_id: f.project.id, user_id: newcomer.userId!, role: 'reviewer', active: 1, created_at: at }).execute();
    const task3 = (
      await f.db
        .insertInto('tasks')
        .values({ project_id: f.project.id, image_id: f.image.id, kind: 'review', user_id: newcomer.userId!, status: 'pending', position: 0, version: 0, reading_ms: 0, skip_reason: null, created_at: at, started_at: null, submitted_at: null, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 0, ...READS.alice });
    assert.deepEqual((await f.reviewer1.post(`/api/tasks/${f.reviewTask1}/approve`, { version: 1 })).body, { approved: true, final: false });
    const view = (await newcomer.get(`/api/tasks/${task3}/review`)).body;
    assert.equal(view.reviewers, 2);
    assert.deepEqual(view.approvals, [{ reviewer: 'Reviewer 1', version: 1, current: true, mine: false }]);
    assert.deepEqual((await newcomer.post(`/api/tasks/${task3}/approve`, { version: 1 })).body, { approved: true, final: true });
    const statuses = await f.db.selectFrom('tasks').select(['id', 'status']).where('image_id', '=', f.image.id).where('kind', '=', 'review').orderBy('id').execute();
    assert.deepEqual(statuses.map((t) => t.status), ['submitted', 'reassigned', 'submitted']);
    assert.equal((await newcomer.get(`/api/tasks/${task3}/review`)).body.approvals[1].reviewer, 'Reviewer 3');
  });
});
