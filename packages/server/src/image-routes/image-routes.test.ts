import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { getNumber, readDicomFileSync, Tags } from '@cxrlab/dicom';
import type { TaskKind, TaskStatus } from '../db/database.js';
import { now } from '../db/dialect.js';
import { importImages } from '../import/import-images.js';
import { syntheticDeidentified } from '../import/internal/test-files.js';
import { decodePixelBlob } from '../images/index.js';
import { projectWithRoles, type RoleClients } from '../projects/internal/test-roles.js';
import { createTestServer, forEachDialect, type ApiClient, type TestServer } from '../testing/index.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

await forEachDialect('image routes', (dialect) => {
  let server: TestServer;
  let p: RoleClients;
  let work: string;
  /** images.id of: A (annotator and reviewer have tasks), B (annotator's task re-assigned away), C (no tasks), D (file missing). */
  const ids = { A: 0, B: 0, C: 0, D: 0 };
  let pathOf: Map<number, string>;
  const task = async (imageId: number, user: ApiClient, kind: TaskKind, status: TaskStatus) => {
    const project = await server.ctx.db.selectFrom('images').select('project_id').where('id', '=', imageId).executeTakeFirstOrThrow();
    await server.ctx.db.insertInto('tasks').values({ project_id: project.project_id, image_id: imageId, kind, user_id: user.userId!, status, position: 0, version: 0, reading_ms: 0, created_at: now(), updated_at: now() }).execute();
  };

  before(async () => {
    server = await createTestServer(dialect);
    p = await projectWithRoles(server, 'PIX');
    work = mkdtempSync(join(tmpdir(), 'cxrlab-image-routes-test-'));
    const files = await syntheticDeidentified(join(work, 'images'), 3, 21, 96);
    const project = await server.ctx.db.selectFrom('projects').selectAll().where('key', '=', 'PIX').executeTakeFirstOrThrow();
    const result = await importImages(server.ctx.db, { project, paths: files.map((f) => f.path), split: 'train', actorId: server.admin.userId! });
    assert.equal(result.added, 3);
    const byFile = new Map(result.images.map((i) => [i.file, i.id]));
    [ids.A, ids.B, ids.C] = files.map((f) => byFile.get(f.path)!) as [number, number, number];
    const missing = await server.ctx.db
      .insertInto('images')
      .values({ project_id: project.id, image_id: 'd'.repeat(32), split: 'test', path: join(work, 'gone.dicom'), file_size: 1, width: 1, height: 1, bits_stored: 8, photometric: 'MONOCHROME2', header_json: '{}', created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.D = missing.id;
    pathOf = new Map(files.map((f) => [byFile.get(f.path)!, f.path]));
    await task(ids.A, p.annotator, 'annotate', 'in_progress');
    await task(ids.A, p.reviewer, 'review', 'pending');
    await task(ids.B, p.annotator, 'annotate', 'reassigned');
  });
  after(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('each role sees exactly the images it may, everyone else gets 404', async () => {
    const otherOwner = await server.user('owner-elsewhere');
    await server.admin.post('/api/projects', { key: 'ELSEWHERE', name: 'x' });
    await server.admin.put(`/api/projects/ELSEWHERE/members/${otherOwner.userId}`, { roles: ['owner'] });
    const expect: Array<[ApiClient, Record<'A' | 'B' | 'C', number>]> = [
      [server.admin, { A: 200, B: 200, C: 200 }],
      [p.owner, { A: 200, B: 200, C: 200 }],
      [p.annotator, { A: 200, B: 404, C: 404 }],
      [p.reviewer, { A: 200, B: 404, C: 404 }],
      [p.outsider, { A: 404, B: 404, C: 404 }],
      [otherOwner, { A: 404, B: 404, C: 404 }],
    ];
    for (const [client, statuses] of expect) {
      for (const [name, status] of Object.entries(statuses)) {
        for (const suffix of ['', '/pixels', '/thumbnail']) {
          const r = await client.get(`/api/images/${ids[name as 'A']}${suffix}`);
          assert.equal(r.status, status, `${client.username} ${name}${suffix}`);
          if (status === 404) assert.equal(r.body.error.code, 'ERR_NOT_FOUND');
        }
      }
    }
    assert.equal((await server.admin.get('/api/images/987654')).status, 404);
    assert.equal((await server.admin.get('/api/images/abc')).body.error.field, 'params.id');
  });

  it('sends the header values, never the path', async () => {
    const r = await p.annotator.get(`/api/images/${ids.A}`);
    const ds = readDicomFileSync(pathOf.get(ids.A)!, { stopBeforePixelData: true }).dataSet;
    assert.equal(r.body.id, ids.A);
    assert.equal(r.body.width, getNumber(ds, Tags.Columns));
    assert.equal(r.body.height, getNumber(ds, Tags.Rows));
    assert.equal(r.body.bitsStored, getNumber(ds, Tags.BitsStored));
    assert.equal(r.body.split, 'train');
    assert.ok(Array.isArray(r.body.windows));
    assert.equal(typeof r.body.keyValues, 'object');
    assert.equal(r.body.path, undefined);
    assert.ok(!JSON.stringify(r.body).includes(work));
  });

  it('serves full-depth pixels, deflate-encoded, with a strong ETag, private caching and 304', async () => {
    const r = await p.annotator.get(`/api/images/${ids.A}/pixels`);
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], 'deflate');
    assert.equal(r.headers['cache-control'], 'private, max-age=86400');
    const etag = String(r.headers['etag']);
    assert.match(etag, /^"[^"]+"$/, 'strong, quoted');
    assert.match(String(r.headers['content-type']), /^application\/vnd\.cxrlab\.pixels/);
    const blob = decodePixelBlob(r.body as Buffer);
    const file = readDicomFileSync(pathOf.get(ids.A)!);
    const ds = file.dataSet;
    assert.equal(blob.width, getNumber(ds, Tags.Columns));
    assert.equal(blob.height, getNumber(ds, Tags.Rows));
    // native 16-bit samples in the file: every modality value (stored * slope + intercept) is in the blob, at full depth
    const pixelData = ds.get(Tags.PixelData) as { value: Uint8Array };
    const stored = new Uint16Array(pixelData.value.buffer.slice(pixelData.value.byteOffset, pixelData.value.byteOffset + pixelData.value.byteLength));
    const slope = getNumber(ds, 'RescaleSlope') ?? 1;
    const intercept = getNumber(ds, 'RescaleIntercept') ?? 0;
    const samples = new Uint16Array(blob.data.buffer.slice(blob.data.byteOffset, blob.data.byteOffset + blob.data.byteLength));
    assert.equal(samples.length, stored.length);
    for (let i = 0; i < stored.length; i += 97) assert.equal(samples[i]! - blob.offset, stored[i]! * slope + intercept, `sample ${i}`);
    const cached = await p.annotator.get(`/api/images/${ids.A}/pixels`, { 'if-none-match': etag });
    assert.equal(cached.status, 304);
    assert.equal(cached.headers['etag'], etag);
    assert.equal(cached.raw.rawPayload.length, 0);
    assert.equal((await p.annotator.get(`/api/images/${ids.A}/pixels`, { 'if-none-match': '"something-else"' })).status, 200);
  });

  it('serves a PNG thumbnail with the same caching', async () => {
    const r = await p.reviewer.get(`/api/images/${ids.A}/thumbnail`);
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^image\/png/);
    assert.ok((r.body as Buffer).subarray(0, 8).equals(PNG_SIGNATURE));
    assert.equal(r.headers['cache-control'], 'private, max-age=86400');
    const again = await p.reviewer.get(`/api/images/${ids.A}/thumbnail`, { 'if-none-match': String(r.headers['etag']) });
    assert.equal(again.status, 304);
    assert.notEqual(r.headers['etag'], (await p.reviewer.get(`/api/images/${ids.A}/pixels`)).headers['etag']);
  });

  it('a registered image whose file is gone is a coded 404, not a 500', async () => {
    const r = await server.admin.get(`/api/images/${ids.D}/pixels`);
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'ERR_NOT_FOUND');
    assert.ok(!r.body.error.message.includes(work));
  });

  it('a member who leaves loses access to the images they read', async () => {
    await task(ids.C, p.annotator, 'annotate', 'submitted');
    assert.equal((await p.annotator.get(`/api/images/${ids.C}`)).status, 200);
    await p.owner.delete(`/api/projects/PIX/members/${p.annotator.userId}`);
    assert.equal((await p.annotator.get(`/api/images/${ids.C}`)).status, 404);
  });
});
