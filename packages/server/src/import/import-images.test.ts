import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, it } from 'node:test';
import { imageId as md5ImageId } from '@cxrlab/deid';
import { getNumber, getString, readDicomFileSync, Tags } from '@cxrlab/dicom';
import { sharedFixture } from '@cxrlab/dicom/testing';
import type { Project } from '../db/database.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { importImages } from './import-images.js';
import { deidentifyInto, IDENTIFIED_FIXTURES, syntheticDeidentified, writeCorruptFile, type DeidentifiedFile } from './internal/test-files.js';

const header = (path: string) => readDicomFileSync(path, { stopBeforePixelData: true }).dataSet;

await forEachDialect('importImages', (dialect) => {
  let server: TestServer;
  let work: string;
  let deidentified: DeidentifiedFile[];
  let keys = 0;
  const project = async (): Promise<Project> => {
    const key = `IMP${++keys}`;
    const created = await server.admin.post('/api/projects', { key, name: key });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return server.ctx.db.selectFrom('projects').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  };
  const rows = (p: Project) => server.ctx.db.selectFrom('images').selectAll().where('project_id', '=', p.id).orderBy('image_id').execute();
  const actorId = () => server.admin.userId!;

  before(async () => {
    server = await createTestServer(dialect);
    work = mkdtempSync(join(tmpdir(), 'cxrlab-import-test-'));
    deidentified = [];
    for (const fixture of IDENTIFIED_FIXTURES) deidentified.push(await deidentifyInto(fixture, join(work, 'deid')));
  });
  after(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses the identified fixtures, naming the attributes, and registers nothing', async () => {
    const p = await project();
    const result = await importImages(server.ctx.db, { project: p, paths: [...IDENTIFIED_FIXTURES], split: 'train', actorId: actorId() });
    assert.equal(result.added, 0);
    assert.equal(result.refused.length, IDENTIFIED_FIXTURES.length);
    for (const refusal of result.refused) {
      assert.equal(refusal.code, 'identified');
      const ds = header(refusal.file);
      // independently of the server's list: the identifying attributes with a real (not 'Anonymized') value
      const value = (k: string) => (getString(ds, k) ?? '').trim();
      const present = ['PatientName', 'PatientID', 'PatientBirthDate', 'InstitutionName', 'AccessionNumber'].filter((k) => value(k) !== '' && !/^anonymi[sz]ed$/i.test(value(k)));
      assert.ok(present.length > 0);
      for (const keyword of present) assert.ok(refusal.attributes!.includes(keyword), `${basename(refusal.file)}: ${keyword} in ${refusal.reason}`);
      for (const keyword of refusal.attributes!) assert.notEqual(value(keyword), '', `${keyword} is reported, so it has a value`);
      assert.match(refusal.reason, /^still identifies the patient: \w+(, \w+)*; de-identify it first \(cxrlab deid\) or pass --allow-identified$/);
    }
    assert.equal((await rows(p)).length, 0);
    const run = await server.ctx.db.selectFrom('import_runs').selectAll().where('project_id', '=', p.id).executeTakeFirstOrThrow();
    assert.equal(run.refused, IDENTIFIED_FIXTURES.length);
  });

  it('registers the de-identified versions with their header values, the file name as image id', async () => {
    const p = await project();
    const result = await importImages(server.ctx.db, { project: p, paths: [join(work, 'deid')], split: 'test', actorId: actorId() });
    assert.deepEqual(result.refused, []);
    assert.deepEqual(result.failed, []);
    assert.equal(result.added, deidentified.length);
    const registered = await rows(p);
    assert.deepEqual(registered.map((r) => r.image_id), deidentified.map((d) => d.imageId).sort());
    for (const row of registered) {
      const file = deidentified.find((d) => d.imageId === row.image_id)!;
      // the de-identified file's name is the MD5 image id of the original's SOP Instance UID
      assert.equal(row.image_id, md5ImageId(getString(header(file.source!), Tags.SOPInstanceUID)!, undefined));
      const ds = header(file.source!);
      assert.equal(row.width, getNumber(ds, Tags.Columns));
      assert.equal(row.height, getNumber(ds, Tags.Rows));
      assert.equal(row.bits_stored, getNumber(ds, Tags.BitsStored));
      assert.equal(row.photometric, getString(ds, Tags.PhotometricInterpretation)?.trim());
      assert.equal(row.path, file.path);
      assert.equal(row.split, 'test');
      assert.equal(Number(row.file_size), readFileSync(file.path).length);
      const stored = JSON.parse(row.header_json) as { windows: unknown[]; keyValues: Record<string, string> };
      assert.ok(Array.isArray(stored.windows));
      assert.equal(stored.keyValues['Modality'], getString(header(file.path), Tags.Modality)?.trim());
    }
    const runs = await server.ctx.db.selectFrom('import_runs').selectAll().where('project_id', '=', p.id).execute();
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.added, deidentified.length);
    assert.notEqual(runs[0]!.finished_at, null);
    const audits = await server.ctx.db.selectFrom('audit_log').selectAll().where('project_id', '=', p.id).where('entity', '=', 'image').execute();
    assert.deepEqual(audits.flatMap((a) => (JSON.parse(a.detail_json) as { imageIds: string[] }).imageIds).sort(), deidentified.map((d) => d.imageId).sort());
  });

  it('is idempotent: a re-run adds nothing and reports every file unchanged', async () => {
    const p = await project();
    const first = await importImages(server.ctx.db, { project: p, paths: [join(work, 'deid')], split: 'train', actorId: actorId() });
    const again = await importImages(server.ctx.db, { project: p, paths: [join(work, 'deid')], split: 'train', actorId: actorId() });
    assert.equal(again.added, 0);
    assert.equal(again.unchanged, deidentified.length);
    assert.deepEqual(again.refused, []);
    assert.deepEqual(again.images.map((i) => i.id).sort(), first.images.map((i) => i.id).sort());
    assert.equal((await rows(p)).length, deidentified.length);
    // an identical copy elsewhere is the same image too
    const copyDir = join(work, 'copy-of-deid');
    mkdirSync(copyDir, { recursive: true });
    copyFileSync(deidentified[0]!.path, join(copyDir, basename(deidentified[0]!.path)));
    const copied = await importImages(server.ctx.db, { project: p, paths: [copyDir], split: 'train', actorId: actorId() });
    assert.equal(copied.unchanged, 1);
    assert.equal(copied.added, 0);
    // the same files as the other split: refused, not moved
    const otherSplit = await importImages(server.ctx.db, { project: p, paths: [deidentified[0]!.path], split: 'test', actorId: actorId() });
    assert.equal(otherSplit.refused[0]!.code, 'conflict');
    assert.match(otherSplit.refused[0]!.reason, /already registered as a train image/);
    assert.ok((await rows(p)).every((r) => r.split === 'train'));
  });

  it('refuses another file claiming a registered image id with different content; other projects never collide', async () => {
    const p = await project();
    await importImages(server.ctx.db, { project: p, paths: [deidentified[0]!.path], split: 'train', actorId: actorId() });
    const impostorDir = join(work, 'impostor');
    mkdirSync(impostorDir, { recursive: true });
    const impostor = join(impostorDir, basename(deidentified[0]!.path));
    copyFileSync(deidentified[1]!.path, impostor);
    const result = await importImages(server.ctx.db, { project: p, paths: [impostor], split: 'train', actorId: actorId() });
    assert.equal(result.added, 0);
    assert.equal(result.refused.length, 1);
    assert.equal(result.refused[0]!.code, 'conflict');
    assert.match(result.refused[0]!.reason, new RegExp(`image id ${deidentified[0]!.imageId} is already registered .* whose content differs`));
    // a second project takes the same file name as its own image
    const other = await project();
    const elsewhere = await importImages(server.ctx.db, { project: other, paths: [impostor], split: 'train', actorId: actorId() });
    assert.equal(elsewhere.added, 1);
    assert.equal((await rows(other))[0]!.image_id, deidentified[0]!.imageId);
  });

  it('reports a corrupt file as failed and goes on with the rest; skips what is not DICOM in a directory', async () => {
    const p = await project();
    const dir = join(work, 'mixed');
    const synthetic = await syntheticDeidentified(dir, 5);
    writeCorruptFile(join(dir, 'broken.dcm'));
    writeFileSync(join(dir, 'README.txt'), 'not an image');
    writeFileSync(join(dir, 'no-extension-text'), 'not an image either');
    writeFileSync(join(dir, '.hidden.dcm'), 'hidden');
    // a DICOM file without an extension, found by its preamble (named neither by hex nor .dcm)
    copyFileSync(deidentified[2]!.path, join(dir, 'plain'));
    const progress: number[] = [];
    const result = await importImages(server.ctx.db, { project: p, paths: [dir], split: 'train', actorId: actorId(), batchSize: 2, onProgress: (done) => progress.push(done) });
    assert.equal(result.failed.length, 1);
    assert.equal(basename(result.failed[0]!.file), 'broken.dcm');
    assert.equal(result.added, synthetic.length + 1);
    assert.deepEqual(result.skipped.map((f) => basename(f)).sort(), ['README.txt', 'no-extension-text']);
    // 'plain' is not an image id: its id comes from its SOP Instance UID
    const plainUid = getString(header(join(dir, 'plain')), Tags.SOPInstanceUID)!;
    assert.ok((await rows(p)).some((r) => r.image_id === md5ImageId(plainUid, undefined) && r.path === join(dir, 'plain')));
    assert.equal(progress.at(-1), synthetic.length + 2);
  });

  it('imports identified files only when allowed, and never colour images', async () => {
    const p = await project();
    const rgb = sharedFixture('edge', 'SC_rgb.dcm');
    const allowed = await importImages(server.ctx.db, { project: p, paths: [IDENTIFIED_FIXTURES[0]!, rgb], split: 'train', allowIdentified: true, actorId: actorId() });
    assert.equal(allowed.added, 1);
    assert.equal(allowed.refused.length, 1);
    assert.equal(allowed.refused[0]!.code, 'not-grayscale');
    assert.match(allowed.refused[0]!.reason, /not a grayscale image \(PhotometricInterpretation RGB, 3 samples per pixel\)/);
    const uid = getString(header(IDENTIFIED_FIXTURES[0]!), Tags.SOPInstanceUID)!;
    assert.equal((await rows(p))[0]!.image_id, md5ImageId(uid, undefined));
  });

  it('copies files into a data dir folder as <image id>.dicom, once, and deduplicates within one run', async () => {
    const p = await project();
    const into = join(server.dataDir, 'images', p.key);
    const twice = join(work, 'twice');
    mkdirSync(twice, { recursive: true });
    copyFileSync(deidentified[0]!.path, join(twice, 'a'));
    copyFileSync(deidentified[0]!.path, join(twice, 'b'));
    const result = await importImages(server.ctx.db, { project: p, paths: [twice, deidentified[1]!.path], split: 'train', copyInto: into, actorId: actorId() });
    assert.equal(result.added, 2);
    assert.equal(result.unchanged, 1);
    const registered = await rows(p);
    for (const row of registered) {
      assert.equal(row.path, join(into, `${row.image_id}.dicom`));
      assert.ok(existsSync(row.path));
    }
    assert.ok(readFileSync(join(into, `${deidentified[1]!.imageId}.dicom`)).equals(readFileSync(deidentified[1]!.path)));
    assert.deepEqual(readdirSync(into).filter((n) => n.startsWith('.')), [], 'no temporary files left');
    const again = await importImages(server.ctx.db, { project: p, paths: [twice, deidentified[1]!.path], split: 'train', copyInto: into, actorId: actorId() });
    assert.equal(again.added, 0);
    assert.equal(again.unchanged, 3);
  });
});
