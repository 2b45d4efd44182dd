import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { TaskStatus } from '../db/database.js';
import { now } from '../db/dialect.js';
import { createTestServer, forEachDialect, type ApiClient, type TestServer } from '../testing/index.js';
import { projectWithRoles, type RoleClients } from './internal/test-roles.js';

await forEachDialect('member routes', (dialect) => {
  let server: TestServer;
  let p: RoleClients;
  let users = 0;
  const newUser = () => server.user(`member${++users}`);
  const projectId = async (key: string) => (await server.ctx.db.selectFrom('projects').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
  /** Images of project `key` with one task each for `reader` in these statuses. */
  const tasksFor = async (key: string, reader: ApiClient, statuses: TaskStatus[]) => {
    const pid = await projectId(key);
    const ids: number[] = [];
    for (const [k, status] of statuses.entries()) {
      const image = await server.ctx.db
        .insertInto('images')
        .values({ project_id: pid, image_id: `${key.toLowerCase()}${k}`.padEnd(32, '0'), split: 'train', path: `/nowhere/${k}`, file_size: 1, width: 10, height: 10, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{}', created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      await server.ctx.db.insertInto('tasks').values({ project_id: pid, image_id: image.id, kind: 'annotate', user_id: reader.userId!, status, position: k, version: 0, reading_ms: 0, created_at: now(), updated_at: now() }).execute();
      ids.push(image.id);
    }
    return ids;
  };

  before(async () => {
    server = await createTestServer(dialect);
    p = await projectWithRoles(server, 'TEAM');
  });
  after(() => server.close());

  it('managers list the members with roles and pseudonyms; others get 403, outsiders 404', async () => {
    for (const [client, status] of [[server.admin, 200], [p.owner, 200], [p.annotator, 403], [p.reviewer, 403], [p.outsider, 404]] as const) {
      assert.equal((await client.get('/api/projects/TEAM/members')).status, status, client.username);
    }
    const { members } = (await p.owner.get('/api/projects/TEAM/members')).body as { members: Array<{ userId: number; roles: string[]; radId: string | null; active: boolean; username: string; displayName: string }> };
    const byId = new Map(members.map((m) => [m.userId, m]));
    assert.deepEqual(byId.get(server.admin.userId!)!.roles, ['owner']);
    assert.equal(byId.get(server.admin.userId!)!.radId, null);
    assert.deepEqual(byId.get(p.owner.userId!)!.roles, ['owner']);
    assert.deepEqual(byId.get(p.annotator.userId!)!.roles, ['annotator']);
    assert.equal(byId.get(p.annotator.userId!)!.radId, 'R1');
    assert.equal(byId.get(p.reviewer.userId!)!.radId, 'R2');
    assert.equal(byId.get(p.reviewer.userId!)!.username, p.reviewer.username);
    assert.ok(members.every((m) => m.active));
  });

  it('only managers set roles; the body and the user are checked', async () => {
    const target = await newUser();
    for (const [client, status] of [[p.annotator, 403], [p.reviewer, 403], [p.outsider, 404]] as const) {
      assert.equal((await client.put(`/api/projects/TEAM/members/${target.userId}`, { roles: ['annotator'] })).status, status);
    }
    assert.equal((await p.owner.put('/api/projects/TEAM/members/999999', { roles: ['annotator'] })).status, 404);
    const badRole = await p.owner.put(`/api/projects/TEAM/members/${target.userId}`, { roles: ['admin'] });
    assert.equal(badRole.status, 400);
    assert.match(badRole.body.error.field, /^body\.roles\[0\]/);
    assert.equal((await p.owner.put(`/api/projects/TEAM/members/${target.userId}`, { roles: [] })).body.error.field, 'body.roles');
    const ok = await p.owner.put(`/api/projects/TEAM/members/${target.userId}`, { roles: ['reviewer', 'annotator'] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.roles, ['annotator', 'reviewer']);
    assert.equal(ok.body.radId, 'R3');
    // the new member now sees the project
    assert.deepEqual((await target.get('/api/projects/TEAM')).body.myRoles, ['annotator', 'reviewer']);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'set-roles').where('entity_id', '=', String(target.userId)).execute();
    assert.equal(audit.length, 1);
    assert.deepEqual((JSON.parse(audit[0]!.detail_json) as { after: string[] }).after, ['annotator', 'reviewer']);
  });

  it('pseudonyms are stable, numbered in order, never reused, and kept when a member leaves and returns', async () => {
    await server.admin.post('/api/projects', { key: 'PSEUDO', name: 'Pseudonyms' });
    const [a, b, c] = [await newUser(), await newUser(), await newUser()];
    assert.equal((await server.admin.put(`/api/projects/PSEUDO/members/${a.userId}`, { roles: ['annotator'] })).body.radId, 'R1');
    assert.equal((await server.admin.put(`/api/projects/PSEUDO/members/${b.userId}`, { roles: ['reviewer'] })).body.radId, 'R2');
    assert.equal((await server.admin.put(`/api/projects/PSEUDO/members/${a.userId}`, { roles: ['annotator', 'reviewer'] })).body.radId, 'R1');
    const removed = await server.admin.delete(`/api/projects/PSEUDO/members/${a.userId}`);
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body, { removed: true, reassigned: 0, unassigned: 0 });
    assert.equal((await a.get('/api/projects/PSEUDO')).status, 404, 'a former member no longer sees the project');
    const listed = (await server.admin.get('/api/projects/PSEUDO/members')).body.members.find((m: { userId: number }) => m.userId === a.userId);
    assert.equal(listed.active, false);
    assert.equal(listed.radId, 'R1');
    assert.equal((await server.admin.put(`/api/projects/PSEUDO/members/${c.userId}`, { roles: ['annotator'] })).body.radId, 'R3');
    const back = await server.admin.put(`/api/projects/PSEUDO/members/${a.userId}`, { roles: ['annotator'] });
    assert.equal(back.body.radId, 'R1');
    assert.equal(back.body.active, true);
    // an owner-only member has no pseudonym
    const d = await newUser();
    assert.equal((await server.admin.put(`/api/projects/PSEUDO/members/${d.userId}`, { roles: ['owner'] })).body.radId, null);
    const numbers = await server.ctx.db.selectFrom('reader_pseudonyms').select(['rad_id', 'user_id']).where('project_id', '=', await projectId('PSEUDO')).orderBy('number').execute();
    assert.deepEqual(numbers.map((n) => n.rad_id), ['R1', 'R2', 'R3']);
  });

  it('never leaves a project without an owner', async () => {
    await server.admin.post('/api/projects', { key: 'OWNERS', name: 'Owners' });
    const demote = await server.admin.put(`/api/projects/OWNERS/members/${server.admin.userId}`, { roles: ['annotator'] });
    assert.equal(demote.status, 400);
    assert.equal((await server.admin.delete(`/api/projects/OWNERS/members/${server.admin.userId}`)).status, 400);
    const second = await newUser();
    await server.admin.put(`/api/projects/OWNERS/members/${second.userId}`, { roles: ['owner'] });
    assert.equal((await server.admin.delete(`/api/projects/OWNERS/members/${server.admin.userId}`)).status, 200);
    assert.equal((await second.delete(`/api/projects/OWNERS/members/${second.userId}`)).status, 400);
    const owners = (await second.get('/api/projects/OWNERS/members')).body.members.filter((m: { active: boolean; roles: string[] }) => m.active && m.roles.includes('owner'));
    assert.deepEqual(owners.map((m: { userId: number }) => m.userId), [second.userId]);
  });

  it('DELETE: managers only; 404 for non-members; the leaver\'s open tasks are re-assigned in the same change', async () => {
    const q = await projectWithRoles(server, 'LEAVE');
    const other = await newUser();
    await q.owner.put(`/api/projects/LEAVE/members/${other.userId}`, { roles: ['annotator'] });
    const images = await tasksFor('LEAVE', q.annotator, ['pending', 'in_progress', 'submitted']);
    for (const [client, status] of [[q.annotator, 403], [q.reviewer, 403], [q.outsider, 404]] as const) {
      assert.equal((await client.delete(`/api/projects/LEAVE/members/${q.annotator.userId}`)).status, status);
    }
    assert.equal((await q.owner.delete(`/api/projects/LEAVE/members/${q.outsider.userId}`)).status, 404);
    const removed = await q.owner.delete(`/api/projects/LEAVE/members/${q.annotator.userId}`);
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body, { removed: true, reassigned: 2, unassigned: 0 });
    const tasks = await server.ctx.db.selectFrom('tasks').select(['image_id', 'user_id', 'status']).where('project_id', '=', await projectId('LEAVE')).orderBy('id').execute();
    const leaverTasks = tasks.filter((t) => t.user_id === q.annotator.userId);
    assert.deepEqual(leaverTasks.map((t) => t.status), ['reassigned', 'reassigned', 'submitted']);
    const replacements = tasks.filter((t) => t.user_id === other.userId);
    assert.deepEqual(replacements.map((t) => t.image_id).sort(), images.slice(0, 2).sort());
    assert.ok(replacements.every((t) => t.status === 'pending'));
    assert.equal((await q.owner.delete(`/api/projects/LEAVE/members/${q.annotator.userId}`)).status, 404, 'already gone');
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'remove').where('entity', '=', 'membership').where('entity_id', '=', String(q.annotator.userId)).execute();
    assert.equal(audit.length, 1);
  });

  it('with nobody to take them, open tasks are counted as unassigned; dropping one reading role moves only its tasks', async () => {
    const q = await projectWithRoles(server, 'ALONE');
    await q.owner.put(`/api/projects/ALONE/members/${q.annotator.userId}`, { roles: ['annotator', 'reviewer'] });
    await tasksFor('ALONE', q.annotator, ['pending', 'pending']);
    const dropped = await q.owner.put(`/api/projects/ALONE/members/${q.annotator.userId}`, { roles: ['reviewer'] });
    assert.equal(dropped.status, 200);
    assert.deepEqual([dropped.body.reassigned, dropped.body.unassigned], [2, 2]);
    assert.deepEqual(dropped.body.roles, ['reviewer']);
    const statuses = await server.ctx.db.selectFrom('tasks').select('status').where('user_id', '=', q.annotator.userId!).execute();
    assert.deepEqual(statuses.map((s) => s.status), ['reassigned', 'reassigned']);
  });
});
