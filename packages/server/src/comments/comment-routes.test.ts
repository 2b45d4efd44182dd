// Comments on an image: who may write and read them, what each role sees, validation and audit.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createTestServer, forEachDialect, type ApiClient, type TestServer } from '../testing/index.js';
import { auditRows, buildReviewFixture, type ReviewFixture } from '../review/review.test-fixture.js';

await forEachDialect('comments', (dialect) => {
  let server: TestServer;
  let f: ReviewFixture;
  let url: string;
  before(async () => {
    server = await createTestServer(dialect);
    f = await buildReviewFixture(server, 'cmt');
    url = `/api/images/${f.image.id}/comments`;
  });
  after(() => server.close());

  const byWhom = (): [string, ApiClient][] => [
    ['reviewer1', f.reviewer1],
    ['reviewer2', f.reviewer2],
    ['alice', f.alice],
    ['dave', f.dave],
    ['owner', f.owner],
    ['admin', f.admin],
  ];

  it('those who can see the image may comment (201); others get 404 and nothing is stored', async () => {
    for (const [who, client] of byWhom()) {
      const r = await client.post(url, { body: `note by ${who}` });
      assert.equal(r.status, 201, who);
      assert.equal(r.body.body, `note by ${who}`);
      assert.equal(r.body.mine, true);
    }
    for (const [who, client] of [['otherReviewer', f.otherReviewer], ['erin', f.erin], ['outsider', f.outsider]] as const) {
      assert.equal((await client.post(url, { body: 'sneaky' })).status, 404, who);
      assert.equal((await client.get(url)).status, 404, who);
    }
    assert.equal((await f.admin.get('/api/images/987654/comments')).status, 404);
    assert.equal((await f.admin.post('/api/images/987654/comments', { body: 'x' })).status, 404);
    const stored = await f.db.selectFrom('comments').selectAll().where('image_id', '=', f.image.id).orderBy('id').execute();
    assert.equal(stored.length, 6);
    assert.ok(!stored.some((c) => c.body === 'sneaky'));
    assert.equal(stored[0]!.task_id, f.reviewTask1, "a reviewer's comment records their review task");
    assert.equal(stored[2]!.task_id, f.annotateTasks.alice);
    assert.equal(stored[4]!.task_id, null, 'the owner has no task');
    const audited = (await auditRows(f.db, f.project.id, 'create')).filter((a) => a.entity === 'comment');
    assert.deepEqual(audited.map((a) => a.entity_id), stored.map((c) => String(c.id)));
  });

  it('a reader sees only their own comments', async () => {
    const r = await f.alice.get(url);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.comments.map((c: { body: string; mine: boolean }) => [c.body, c.mine]), [['note by alice', true]]);
    const dave = await f.dave.get(url);
    assert.deepEqual(dave.body.comments.map((c: { body: string }) => c.body), ['note by dave']);
    assert.ok(!dave.raw.body.includes('alice'));
  });

  it('reviewers see every comment with pseudonyms and no user names; managers see real names', async () => {
    const expectedForReviewer = [
      ['note by reviewer1', 'Reviewer 1'],
      ['note by reviewer2', 'Reviewer 2'],
      ['note by alice', 'R2'],
      ['note by dave', 'R4'],
      ['note by owner', 'Manager'],
      ['note by admin', 'Manager'],
    ];
    const r = await f.reviewer2.get(url);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.comments.map((c: { body: string; author: string }) => [c.body, c.author]), expectedForReviewer);
    assert.deepEqual(r.body.comments.map((c: { mine: boolean }) => c.mine), [false, true, false, false, false, false]);
    const authors = r.body.comments.map((c: { author: string }) => c.author).join('|').toLowerCase();
    for (const person of [f.alice, f.dave, f.reviewer1, f.owner]) assert.ok(!authors.includes(person.username!.toLowerCase()));
    for (const c of r.body.comments) assert.deepEqual(Object.keys(c).sort(), ['author', 'body', 'createdAt', 'id', 'mine']);

    for (const manager of [f.owner, f.admin]) {
      const m = await manager.get(url);
      assert.deepEqual(
        m.body.comments.map((c: { author: string }) => c.author),
        ['CMT.REVIEWER1', 'CMT.REVIEWER2', 'CMT.ALICE', 'CMT.DAVE', 'CMT.OWNER', 'Administrator'],
      );
    }
  });

  it('refuses empty, blank, too long and malformed comments with the field named', async () => {
    const cases: [unknown, string][] = [
      [{ body: '' }, 'body.body'],
      [{ body: '   \n ' }, 'body.body'],
      [{ body: 'x'.repeat(2001) }, 'body.body'],
      [{ body: 42 }, 'body.body'],
      [{}, 'body.body'],
      [{ body: 'ok', author: 'someone' }, 'body.author'],
    ];
    for (const [body, field] of cases) {
      const r = await f.reviewer1.post(url, body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 40));
      assert.equal(r.body.error.field, field);
    }
    assert.equal((await f.reviewer1.post(url, { body: 'y'.repeat(2000) })).status, 201);
    const bad = await f.admin.get('/api/images/abc/comments');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'params.id');
  });

  it('a reader whose task was re-assigned, or who left, no longer sees the image', async () => {
    await f.db.updateTable('tasks').set({ status: 'reassigned' }).where('id', '=', f.annotateTasks.dave).execute();
    assert.equal((await f.dave.get(url)).status, 404);
    assert.equal((await f.dave.post(url, { body: 'still here?' })).status, 404);
    await f.db.updateTable('memberships').set({ active: 0 }).where('project_id', '=', f.project.id).where('user_id', '=', f.alice.userId!).execute();
    assert.equal((await f.alice.get(url)).status, 404);
    // A reviewer of another image of the same project sees that image's comments only.
    assert.equal((await f.otherReviewer.get(`/api/images/${f.otherImage.id}/comments`)).status, 200);
    assert.deepEqual((await f.otherReviewer.get(`/api/images/${f.otherImage.id}/comments`)).body.comments, []);
  });
});
