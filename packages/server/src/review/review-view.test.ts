// The review view's content, and its blinding: reads by pseudonym only, no user id or name anywhere.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { buildReviewFixture, IMAGE_HEIGHT, IMAGE_WIDTH, READS, type ReviewFixture } from './review.test-fixture.js';

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

await forEachDialect('review routes: the review view', (dialect) => {
  let server: TestServer;
  let f: ReviewFixture;
  before(async () => {
    server = await createTestServer(dialect);
    f = await buildReviewFixture(server, 'view');
  });
  after(() => server.close());

  it('shows the image, the submitted reads by pseudonym (in pseudonym order), votes, consensus and panel size', async () => {
    const r = await f.reviewer1.get(`/api/tasks/${f.reviewTask1}/review`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.task, { id: f.reviewTask1, status: 'pending', version: 1 });
    assert.deepEqual(r.body.image, { id: f.image.id, imageId: f.image.imageId, width: IMAGE_WIDTH, height: IMAGE_HEIGHT, windows: [{ name: 'Lung', center: -600, width: 1500 }] });
    // bob is R1, alice R2, carol R3; dave (R4) has not submitted.
    assert.deepEqual(r.body.reads, [
      { reader: 'R1', ...READS.bob },
      { reader: 'R2', ...READS.alice },
      { reader: 'R3', ...READS.carol },
    ]);
    assert.deepEqual(r.body.votes, { COPD: 0, 'Lung tumor': 0, Pneumonia: 2, Tuberculosis: 0, 'Other diseases': 1, 'No finding': 1 });
    assert.deepEqual(r.body.consensus, { version: 0, status: 'open', globals: [], boxes: [] });
    assert.deepEqual(r.body.approvals, []);
    assert.equal(r.body.reviewers, 2);
  });

  it('carries no user id or name of a reader or reviewer (blinding)', async () => {
    await f.reviewer2.put(`/api/tasks/${f.reviewTask2}/consensus`, { version: 0, globals: ['Pneumonia'], boxes: [READS.bob.boxes[0]] });
    await f.reviewer2.post(`/api/tasks/${f.reviewTask2}/approve`, { version: 1 });
    for (const viewer of [f.reviewer1, f.owner]) {
      const r = await viewer.get(`/api/tasks/${f.reviewTask1}/review`);
      assert.equal(r.status, 200);
      const text = r.raw.body.toLowerCase();
      for (const person of [...f.readersOfImage, f.reviewer1, f.reviewer2]) {
        assert.ok(!text.includes(person.username!.toLowerCase()), `the view names ${person.username}`);
      }
      const forbidden = ['user', 'userId', 'user_id', 'username', 'displayName', 'display_name', 'updatedBy', 'updated_by', 'taskId', 'task_id'];
      for (const key of keysOf(r.body)) assert.ok(!forbidden.includes(key), `the view has a ${key} key`);
      for (const read of r.body.reads) assert.deepEqual(Object.keys(read).sort(), ['boxes', 'globals', 'reader']);
      assert.deepEqual(r.body.approvals, [{ reviewer: 'Reviewer 2', version: 1, current: true, mine: false }]);
    }
  });

  it('shows the consensus with box ids, and which approvals are of the current version', async () => {
    const r2 = await f.reviewer2.get(`/api/tasks/${f.reviewTask2}/review`);
    assert.equal(r2.body.consensus.version, 1);
    assert.deepEqual(r2.body.consensus.globals, ['Pneumonia']);
    assert.equal(r2.body.consensus.boxes.length, 1);
    assert.ok(Number.isInteger(r2.body.consensus.boxes[0].id));
    assert.deepEqual({ ...r2.body.consensus.boxes[0], id: 0 }, { id: 0, ...READS.bob.boxes[0] });
    assert.deepEqual(r2.body.approvals, [{ reviewer: 'Reviewer 2', version: 1, current: true, mine: true }]);
    assert.equal(r2.body.task.status, 'in_progress');
    await f.reviewer1.put(`/api/tasks/${f.reviewTask1}/consensus`, { version: 1, globals: ['Pneumonia', 'Lung tumor'], boxes: [] });
    await f.reviewer1.post(`/api/tasks/${f.reviewTask1}/approve`, { version: 2 });
    // reviewer2's approval of version 1 was withdrawn by the edit.
    const after = await f.owner.get(`/api/tasks/${f.reviewTask2}/review`);
    assert.deepEqual(after.body.approvals, [{ reviewer: 'Reviewer 1', version: 2, current: true, mine: false }]);
  });
});
