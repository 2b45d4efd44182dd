import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { imageId as md5ImageId } from '@cxrlab/deid';
import { getString, readDicomFileSync, Tags } from '@cxrlab/dicom';
import { sharedFixture } from '@cxrlab/dicom/testing';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestServer, forEachDialect, login, TEST_PASSWORD, type ApiClient, type TestServer } from '../testing/index.js';
import { projectWithRoles, type RoleClients } from '../projects/internal/test-roles.js';
import { IDENTIFIED_FIXTURES, syntheticDeidentified, type DeidentifiedFile } from './internal/test-files.js';

const DICOM = { 'content-type': 'application/dicom' };

await forEachDialect('image upload and listing', (dialect) => {
  let server: TestServer;
  /** The same server and database, with a 4 KiB upload limit. */
  let small: { app: FastifyInstance; admin: ApiClient };
  let p: RoleClients;
  let work: string;
  let files: DeidentifiedFile[];
  const imageDir = () => join(server.dataDir, 'images', 'UP');
  const visibleFiles = () => (existsSync(imageDir()) ? readdirSync(imageDir()).sort() : []);

  before(async () => {
    server = await createTestServer(dialect);
    const app = await buildApp({ ...server.ctx, settings: { ...server.ctx.settings, uploadLimit: 4096 } });
    small = { app, admin: await login(app, 'admin', TEST_PASSWORD) };
    p = await projectWithRoles(server, 'UP');
    work = mkdtempSync(join(tmpdir(), 'cxrlab-upload-test-'));
    files = await syntheticDeidentified(join(work, 'synthetic'), 3);
  });
  after(async () => {
    await server.close();
    await small.app.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('a manager uploads a de-identified file: stored as <image id>.dicom and registered; again: unchanged', async () => {
    const bytes = readFileSync(files[0]!.path);
    const uid = getString(readDicomFileSync(files[0]!.path, { stopBeforePixelData: true }).dataSet, Tags.SOPInstanceUID)!;
    const added = await p.owner.post('/api/projects/UP/images?split=test', bytes, DICOM);
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.status, 'added');
    // no file name was given, so the id is the MD5 of the SOP Instance UID
    assert.equal(added.body.imageId, md5ImageId(uid, undefined));
    const stored = join(imageDir(), `${added.body.imageId}.dicom`);
    assert.ok(readFileSync(stored).equals(bytes));
    const row = await server.ctx.db.selectFrom('images').selectAll().where('id', '=', added.body.id).executeTakeFirstOrThrow();
    assert.equal(row.path, stored);
    assert.equal(row.split, 'test');
    const again = await server.admin.post('/api/projects/UP/images?split=test', bytes, DICOM);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { imageId: added.body.imageId, id: added.body.id, status: 'unchanged' });
    assert.deepEqual(visibleFiles(), [`${added.body.imageId}.dicom`], 'no temporary file left');
  });

  it('takes the image id from ?filename= when it is one', async () => {
    const r = await server.admin.post(`/api/projects/UP/images?filename=${files[1]!.imageId}.dicom`, readFileSync(files[1]!.path), DICOM);
    assert.equal(r.status, 201);
    assert.equal(r.body.imageId, files[1]!.imageId);
  });

  it('refuses identified files with 422 ERR_IDENTIFIED and keeps nothing, unless allowIdentified=true', async () => {
    const before = visibleFiles();
    const bytes = readFileSync(IDENTIFIED_FIXTURES[1]!);
    const refused = await p.owner.post('/api/projects/UP/images', bytes, DICOM);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'ERR_IDENTIFIED');
    assert.ok(refused.body.error.attributes.includes('PatientName'));
    assert.match(refused.body.error.message, /PatientName/);
    assert.deepEqual(visibleFiles(), before);
    assert.deepEqual(readdirSync(imageDir()).filter((n) => n.startsWith('.')), []);
    const allowed = await p.owner.post('/api/projects/UP/images?allowIdentified=true', bytes, DICOM);
    assert.equal(allowed.status, 201);
  });

  it('answers 400 ERR_BAD_DICOM for a body that is not DICOM, 422 for a colour image, 409 for a conflicting id', async () => {
    const junk = await p.owner.post('/api/projects/UP/images', Buffer.from('this is not a DICOM file at all'), DICOM);
    assert.equal(junk.status, 400);
    assert.equal(junk.body.error.code, 'ERR_BAD_DICOM');
    const colour = await p.owner.post('/api/projects/UP/images?allowIdentified=true', readFileSync(sharedFixture('edge', 'SC_rgb.dcm')), DICOM);
    assert.equal(colour.status, 422);
    assert.equal(colour.body.error.code, 'ERR_BAD_DICOM');
    const impostor = await p.owner.post(`/api/projects/UP/images?filename=${files[1]!.imageId}.dcm`, readFileSync(files[2]!.path), DICOM);
    assert.equal(impostor.status, 409);
    assert.ok(!impostor.body.error.message.includes(server.dataDir), 'no server path in the message');
    assert.equal((await p.owner.post('/api/projects/UP/images', Buffer.alloc(0), DICOM)).status, 400);
  });

  it('wrong content type: 415; too big: 413; bad query: 400', async () => {
    const bytes = readFileSync(files[2]!.path);
    const json = await p.owner.post('/api/projects/UP/images', { file: 'x' });
    assert.equal(json.status, 415);
    assert.equal(json.body.error.code, 'ERR_UNSUPPORTED_MEDIA_TYPE');
    assert.equal((await p.owner.post('/api/projects/UP/images', bytes, { 'content-type': 'application/octet-stream' })).status, 415);
    assert.equal((await p.owner.post('/api/projects/UP/images?split=validation', bytes, DICOM)).body.error.field, 'querystring.split');
    const admin = small.admin;
    assert.equal((await admin.post('/api/projects', { key: 'SMALL', name: 'Small' })).status, 201);
    const big = await admin.post('/api/projects/SMALL/images', bytes, DICOM);
    assert.ok(bytes.length > 4096);
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'ERR_TOO_LARGE');
    // JSON elsewhere still has the ordinary body limit and parser
    assert.equal((await admin.post('/api/projects', { key: 'SMALL2', name: 'x'.repeat(100) })).status, 201);
  });

  it('only managers upload or list; members get 403, outsiders 404', async () => {
    const bytes = readFileSync(files[2]!.path);
    for (const [client, status] of [[p.annotator, 403], [p.reviewer, 403], [p.outsider, 404]] as const) {
      assert.equal((await client.post('/api/projects/UP/images', bytes, DICOM)).status, status);
      assert.equal((await client.get('/api/projects/UP/images')).status, status);
      assert.equal((await client.get('/api/projects/UP/imports')).status, status);
    }
    assert.equal((await p.outsider.post('/api/projects/UP/images', { wrong: 'type' })).status, 404, 'access is checked before the body');
    for (const client of [server.admin, p.owner]) {
      assert.equal((await client.get('/api/projects/UP/images')).status, 200);
      assert.equal((await client.get('/api/projects/UP/imports')).status, 200);
    }
    assert.equal((await server.admin.post('/api/projects/NOSUCH/images', bytes, DICOM)).status, 404);
  });

  it('lists the images (split, limit, offset) and the import runs', async () => {
    const all = await p.owner.get('/api/projects/UP/images');
    assert.equal(all.status, 200);
    const rows = await server.ctx.db.selectFrom('images').selectAll().where('project_id', '=', (await server.ctx.db.selectFrom('projects').select('id').where('key', '=', 'UP').executeTakeFirstOrThrow()).id).orderBy('id').execute();
    assert.equal(all.body.total, rows.length);
    assert.deepEqual(all.body.images.map((i: { imageId: string }) => i.imageId), rows.map((r) => r.image_id));
    assert.equal(all.body.images[0].fileSize, readFileSync(rows[0]!.path).length);
    assert.equal(all.body.images[0].path, undefined);
    const test = await p.owner.get('/api/projects/UP/images?split=test');
    assert.deepEqual(test.body.images.map((i: { split: string }) => i.split), rows.filter((r) => r.split === 'test').map(() => 'test'));
    const page = await p.owner.get('/api/projects/UP/images?limit=1&offset=1');
    assert.deepEqual(page.body.images.map((i: { id: number }) => i.id), [rows[1]!.id]);
    assert.equal(page.body.total, rows.length);
    assert.equal((await p.owner.get('/api/projects/UP/images?limit=0')).status, 400);
    const imports = await p.owner.get('/api/projects/UP/imports');
    assert.equal(imports.status, 200);
    const runs = await server.ctx.db.selectFrom('import_runs').selectAll().execute();
    assert.equal(imports.body.imports.length, runs.filter((r) => r.project_id === rows[0]!.project_id).length);
    assert.ok(imports.body.imports.every((r: { source: string }) => r.source.startsWith('upload')));
    assert.equal(imports.body.imports.reduce((n: number, r: { added: number }) => n + r.added, 0), rows.length);
  });
});
