import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { defaultRules, VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { now } from '../db/dialect.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { projectWithRoles, type RoleClients } from './internal/test-roles.js';

const TINY_SCHEMA = {
  name: 'tiny',
  labels: [
    { name: 'Nodule', kind: 'local', definition: 'a nodule' },
    { name: 'Effusion', kind: 'local', definition: 'fluid' },
    { name: 'Pneumonia', kind: 'global', definition: 'infection' },
    { name: 'Normal', kind: 'global', definition: 'nothing found' },
  ],
  noFinding: 'Normal',
  classIds: ['Nodule', 'Effusion', 'Normal'],
};

await forEachDialect('project routes', (dialect) => {
  let server: TestServer;
  let p: RoleClients;
  before(async () => {
    server = await createTestServer(dialect);
    p = await projectWithRoles(server, 'MAIN');
  });
  after(() => server.close());

  it('only global admins create projects; the creator becomes owner; defaults are VinDr-CXR', async () => {
    for (const client of [p.owner, p.annotator, p.reviewer, p.outsider]) {
      const r = await client.post('/api/projects', { key: 'NOPE', name: 'x' });
      assert.equal(r.status, 403);
    }
    const r = await server.admin.post('/api/projects', { key: 'DEFAULTS', name: 'Defaults' });
    assert.equal(r.status, 201);
    assert.equal(r.body.workflow, 'independent');
    assert.equal(r.body.readersPerImage, 3);
    assert.equal(r.body.reviewersPerImage, 0);
    assert.deepEqual(r.body.schema, JSON.parse(JSON.stringify(VINDR_CXR_SCHEMA)));
    assert.deepEqual(r.body.rules, JSON.parse(JSON.stringify(defaultRules(VINDR_CXR_SCHEMA))));
    assert.deepEqual(r.body.myRoles, ['owner']);
    assert.equal(r.body.members.length, 1);
    assert.equal(r.body.members[0].userId, server.admin.userId);
    assert.ok(Number.isInteger(r.body.assignmentSeed) && r.body.assignmentSeed >= 0 && r.body.assignmentSeed < 2 ** 31);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'project').where('action', '=', 'create').execute();
    assert.ok(audit.some((a) => (JSON.parse(a.detail_json) as { key: string }).key === 'DEFAULTS'));
  });

  it('templates set the VinDr train and test set-ups; explicit values and checks apply on top', async () => {
    const train = await server.admin.post('/api/projects', { key: 'TRAIN', name: 'Train', template: 'vindr-train' });
    assert.deepEqual([train.body.workflow, train.body.readersPerImage, train.body.reviewersPerImage], ['independent', 3, 0]);
    const test = await server.admin.post('/api/projects', { key: 'TEST', name: 'Test', template: 'vindr-test' });
    assert.deepEqual([test.body.workflow, test.body.readersPerImage, test.body.reviewersPerImage], ['consensus', 3, 2]);
    const custom = await server.admin.post('/api/projects', { key: 'CUSTOM', name: 'Custom', workflow: 'consensus', readersPerImage: 2, reviewersPerImage: 1 });
    assert.deepEqual([custom.body.workflow, custom.body.readersPerImage, custom.body.reviewersPerImage], ['consensus', 2, 1]);
    const noReviewers = await server.admin.post('/api/projects', { key: 'BAD1', name: 'x', workflow: 'consensus', reviewersPerImage: 0 });
    assert.equal(noReviewers.status, 400);
    assert.equal(noReviewers.body.error.field, 'body.reviewersPerImage');
    const tooMany = await server.admin.post('/api/projects', { key: 'BAD2', name: 'x', readersPerImage: 11 });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.field, 'body.readersPerImage');
    const badKey = await server.admin.post('/api/projects', { key: 'lower', name: 'x' });
    assert.equal(badKey.body.error.field, 'body.key');
    const duplicate = await server.admin.post('/api/projects', { key: 'TRAIN', name: 'Again' });
    assert.equal(duplicate.status, 409);
  });

  it('validates a custom schema and rules, naming the field', async () => {
    const ok = await server.admin.post('/api/projects', { key: 'TINY', name: 'Tiny', schema: TINY_SCHEMA });
    assert.equal(ok.status, 201);
    assert.deepEqual(ok.body.rules, JSON.parse(JSON.stringify(defaultRules(TINY_SCHEMA as never))));
    assert.equal(ok.body.rules.find((r: { kind: string }) => r.kind === 'exclusiveLabel').label, 'Normal');
    const cases: Array<[unknown, string]> = [
      [{ ...TINY_SCHEMA, labels: [...TINY_SCHEMA.labels, { name: 'Nodule', kind: 'global', definition: 'twice' }] }, 'body.schema.labels[4].name'],
      [{ ...TINY_SCHEMA, labels: [...TINY_SCHEMA.labels.slice(0, 3), { name: 'Normal', kind: 'global', definition: 'x', aliases: ['Pneumonia'] }] }, 'body.schema.labels[3].aliases[0]'],
      [{ ...TINY_SCHEMA, noFinding: 'Nodule' }, 'body.schema.noFinding'],
      [{ ...TINY_SCHEMA, noFinding: 'Missing' }, 'body.schema.noFinding'],
      [{ ...TINY_SCHEMA, classIds: ['Nodule', 'Ghost'] }, 'body.schema.classIds[1]'],
      [{ ...TINY_SCHEMA, classIds: ['Nodule', 'Nodule'] }, 'body.schema.classIds[1]'],
      [{ ...TINY_SCHEMA, labels: [{ name: 'X', kind: 'regional', definition: '' }] }, 'body.schema.labels[0].kind'],
    ];
    for (const [schema, field] of cases) {
      const r = await server.admin.post('/api/projects', { key: 'BADSCHEMA', name: 'x', schema });
      assert.equal(r.status, 400, field);
      assert.equal(r.body.error.field, field, JSON.stringify(r.body));
    }
    const localOnly = { name: 'boxes', labels: [{ name: 'Nodule', kind: 'local', definition: '' }], classIds: ['Nodule'] };
    const noGlobal = await server.admin.post('/api/projects', { key: 'LOCALONLY', name: 'x', schema: localOnly });
    assert.equal(noGlobal.status, 400);
    assert.equal(noGlobal.body.error.field, 'body.schema');
    assert.match(noGlobal.body.error.message, /global labels/);
    assert.equal((await server.admin.post('/api/projects', { key: 'LOCALONLY', name: 'x', schema: localOnly, rules: [{ kind: 'boxLabelIsLocal' }] })).status, 201);
    const badRules = await server.admin.post('/api/projects', { key: 'BADRULES', name: 'x', schema: TINY_SCHEMA, rules: [{ kind: 'requireGlobalLabel' }, { kind: 'maxBoxes', max: 2, label: 'Pneumonia' }] });
    assert.equal(badRules.status, 400);
    assert.equal(badRules.body.error.field, 'body.rules[1].label');
    const customRules = await server.admin.post('/api/projects', { key: 'OWNRULES', name: 'x', schema: TINY_SCHEMA, rules: [{ kind: 'maxBoxes', max: 5 }] });
    assert.deepEqual(customRules.body.rules, [{ kind: 'maxBoxes', max: 5 }]);
    assert.equal((await server.admin.get('/api/projects/BADSCHEMA')).status, 404);
  });

  it('lists my projects with my roles and image counts; admins see all; outsiders none', async () => {
    const images = [['a', 'train'], ['b', 'train'], ['c', 'test']] as const;
    const project = await server.ctx.db.selectFrom('projects').select('id').where('key', '=', 'MAIN').executeTakeFirstOrThrow();
    for (const [id, split] of images) {
      await server.ctx.db.insertInto('images').values({ project_id: project.id, image_id: id.repeat(32), split, path: `/nowhere/${id}`, file_size: 1, width: 10, height: 10, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{}', created_at: now() }).execute();
    }
    const mine = await p.annotator.get('/api/projects');
    assert.deepEqual(mine.body.projects.map((x: { key: string }) => x.key), ['MAIN']);
    assert.deepEqual(mine.body.projects[0].myRoles, ['annotator']);
    assert.equal(mine.body.projects[0].manager, false);
    assert.deepEqual(mine.body.projects[0].images, { total: 3, train: 2, test: 1 });
    assert.equal((await p.owner.get('/api/projects')).body.projects[0].manager, true);
    assert.deepEqual((await p.reviewer.get('/api/projects')).body.projects.map((x: { key: string; myRoles: string[] }) => [x.key, x.myRoles]), [['MAIN', ['reviewer']]]);
    assert.deepEqual((await p.outsider.get('/api/projects')).body.projects, []);
    const all = await server.admin.get('/api/projects');
    assert.ok(all.body.projects.length > 1);
    assert.ok(all.body.projects.every((x: { manager: boolean }) => x.manager));
  });

  it('any member reads the project and its rules; only managers see members and the seed; outsiders get 404', async () => {
    for (const [client, roles] of [[p.annotator, ['annotator']], [p.reviewer, ['reviewer']]] as const) {
      const r = await client.get('/api/projects/MAIN');
      assert.equal(r.status, 200);
      assert.deepEqual(r.body.myRoles, roles);
      assert.equal(r.body.members, undefined);
      assert.equal(r.body.assignmentSeed, undefined);
      assert.equal(r.body.schema.name, 'vindr-cxr');
      assert.equal((await client.get('/api/projects/MAIN/rules')).status, 200);
    }
    // no other user's name or id reaches a non-manager
    const asAnnotator = JSON.stringify((await p.annotator.get('/api/projects/MAIN')).body);
    assert.ok(!asAnnotator.includes(p.reviewer.username!) && !asAnnotator.includes(p.owner.username!));
    for (const client of [server.admin, p.owner]) {
      const r = await client.get('/api/projects/MAIN');
      assert.equal(r.status, 200);
      assert.ok(Array.isArray(r.body.members));
      assert.equal(typeof r.body.assignmentSeed, 'number');
      assert.equal((await client.get('/api/projects/MAIN/rules')).status, 200);
    }
    assert.equal((await p.outsider.get('/api/projects/MAIN')).status, 404);
    assert.equal((await p.outsider.get('/api/projects/MAIN/rules')).status, 404);
    assert.equal((await p.outsider.get('/api/projects/NOSUCH')).status, 404);
    assert.deepEqual((await p.annotator.get('/api/projects/MAIN/rules')).body.rules, JSON.parse(JSON.stringify(defaultRules(VINDR_CXR_SCHEMA))));
  });

  it('managers change the name and rules; readers per image only while no task exists', async () => {
    await server.admin.post('/api/projects', { key: 'PATCHME', name: 'Before' });
    const q = await projectWithRoles(server, 'PATCHME2');
    for (const [client, status] of [[q.annotator, 403], [q.reviewer, 403], [q.outsider, 404], [q.owner, 200], [server.admin, 200]] as const) {
      const r = await client.patch('/api/projects/PATCHME2', { name: `by ${client.username}` });
      assert.equal(r.status, status, client.username);
    }
    const renamed = await q.owner.patch('/api/projects/PATCHME2', { readersPerImage: 2, rules: [{ kind: 'requireGlobalLabel', min: 2 }] });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.readersPerImage, 2);
    assert.deepEqual(renamed.body.rules, [{ kind: 'requireGlobalLabel', min: 2 }]);
    assert.equal((await q.owner.patch('/api/projects/PATCHME2', {})).status, 400);
    assert.equal((await q.owner.patch('/api/projects/PATCHME2', { reviewersPerImage: 1 })).body.error.field, 'body.reviewersPerImage');
    assert.equal((await q.owner.patch('/api/projects/PATCHME2', { rules: [{ kind: 'nonsense' }] })).body.error.field, 'body.rules[0].kind');
    // once a task exists the set-up is fixed
    const project = await server.ctx.db.selectFrom('projects').select('id').where('key', '=', 'PATCHME2').executeTakeFirstOrThrow();
    const image = await server.ctx.db.insertInto('images').values({ project_id: project.id, image_id: 'f'.repeat(32), split: 'train', path: '/nowhere', file_size: 1, width: 10, height: 10, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{}', created_at: now() }).returning('id').executeTakeFirstOrThrow();
    await server.ctx.db.insertInto('tasks').values({ project_id: project.id, image_id: image.id, kind: 'annotate', user_id: q.annotator.userId!, status: 'pending', position: 0, version: 0, reading_ms: 0, created_at: now(), updated_at: now() }).execute();
    const locked = await q.owner.patch('/api/projects/PATCHME2', { readersPerImage: 3 });
    assert.equal(locked.status, 409);
    assert.equal((await q.owner.patch('/api/projects/PATCHME2', { name: 'Still renamable' })).status, 200);
  });

  it('PUT rules: managers only, validated, audited', async () => {
    const rules = [{ kind: 'requireGlobalLabel' }, { kind: 'forbidsTogether', labels: ['COPD', 'No finding'], id: 'copd-or-normal' }];
    for (const [client, status] of [[p.annotator, 403], [p.reviewer, 403], [p.outsider, 404]] as const) {
      assert.equal((await client.put('/api/projects/MAIN/rules', { rules })).status, status);
    }
    assert.equal((await server.admin.put('/api/projects/MAIN/rules', { rules: [{ kind: 'requireGlobalLabel' }] })).status, 200);
    const put = await p.owner.put('/api/projects/MAIN/rules', { rules });
    assert.equal(put.status, 200);
    assert.deepEqual(put.body.rules, rules);
    assert.deepEqual((await p.annotator.get('/api/projects/MAIN/rules')).body.rules, rules);
    const bad = await p.owner.put('/api/projects/MAIN/rules', { rules: [{ kind: 'forbidsTogether', labels: ['COPD', 'Unknown label'] }] });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'body.rules[0].labels[1]');
    assert.equal((await p.owner.put('/api/projects/MAIN/rules', [])).status, 400);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'update-rules').orderBy('id').execute();
    assert.equal(audit.length, 2);
    assert.deepEqual((JSON.parse(audit[1]!.detail_json) as { after: unknown }).after, rules);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await server.admin.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const expected: Array<[string, string[]]> = [
      ['/api/projects', ['get', 'post']],
      ['/api/projects/{key}', ['get', 'patch']],
      ['/api/projects/{key}/rules', ['get', 'put']],
      ['/api/projects/{key}/members', ['get']],
      ['/api/projects/{key}/members/{userId}', ['put', 'delete']],
      ['/api/projects/{key}/images', ['get', 'post']],
      ['/api/projects/{key}/imports', ['get']],
      ['/api/images/{id}', ['get']],
      ['/api/images/{id}/pixels', ['get']],
      ['/api/images/{id}/thumbnail', ['get']],
    ];
    for (const [path, methods] of expected) for (const method of methods) assert.ok(doc.paths[path]?.[method], `${method} ${path}`);
  });
});
