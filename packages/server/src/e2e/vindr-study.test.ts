// A small VinDr-CXR-like study run end to end through the HTTP API, as the paper describes it: a
// training project read blind by 3 annotators (independent, N=3) and a test project read by the same
// 3 and then settled by 2 reviewers (consensus, 3+2). The exports are compared field by field with
// CSV lines written here from the reads the script made, independently of the export code.
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, it } from 'node:test';
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { writeDemoImages } from '../demo/demo-images.js';
import { createTestServer, forEachDialect, type ApiClient, type TestServer } from '../testing/index.js';

interface Box {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
interface Read {
  globals: string[];
  boxes: Box[];
}

/** What reader r (0, 1, 2) says of the image at index i: a pattern with agreements and disagreements. */
function scriptedRead(r: number, i: number): Read {
  if ((i + r) % 3 === 0) return { globals: ['No finding'], boxes: [] };
  const boxes: Box[] = [{ label: 'Nodule/Mass', xMin: 20 + r, yMin: 30.5, xMax: 60 + 2 * r, yMax: 80.25 }];
  if (r !== 1) boxes.push({ label: 'Pleural effusion', xMin: 100, yMin: 150, xMax: 200.5 + i, yMax: 250 });
  return { globals: r === 2 ? ['Lung tumor', 'Other diseases'] : ['Lung tumor'], boxes };
}

/** pandas' float text, as the published files write coordinates: 20 -> 20.0, 30.5 -> 30.5. */
const num = (n: number): string => (Number.isInteger(n) ? `${n}.0` : String(n));

function csvLines(text: string): string[] {
  assert.ok(text.endsWith('\n'), 'a CSV file ends with a newline');
  return text.slice(0, -1).split('\n');
}

await forEachDialect('end to end: a VinDr-like study (3 annotators, 2 reviewers, train and test)', (dialect) => {
  let server: TestServer;
  let imagesDir: string;
  let readers: ApiClient[];
  let reviewers: ApiClient[];
  const trainIds: string[] = [];
  const testIds: string[] = [];

  before(async () => {
    server = await createTestServer(dialect);
    imagesDir = mkdtempSync(join(tmpdir(), 'cxrlab-e2e-'));
    readers = [await server.user('ann1'), await server.user('ann2'), await server.user('ann3')];
    reviewers = [await server.user('rev1'), await server.user('rev2')];
  });
  after(async () => {
    await server.close();
    rmSync(imagesDir, { recursive: true, force: true });
  });

  it('sets up the two projects, uploads de-identified images and assigns them', async () => {
    const { admin } = server;
    assert.equal((await admin.post('/api/projects', { key: 'VTRAIN', name: 'train', template: 'vindr-train' })).status, 201);
    assert.equal((await admin.post('/api/projects', { key: 'VTEST', name: 'test', template: 'vindr-test' })).status, 201);
    for (const r of readers) {
      assert.equal((await admin.put(`/api/projects/VTRAIN/members/${r.userId}`, { roles: ['annotator'] })).status, 200);
      assert.equal((await admin.put(`/api/projects/VTEST/members/${r.userId}`, { roles: ['annotator'] })).status, 200);
    }
    for (const r of reviewers) assert.equal((await admin.put(`/api/projects/VTEST/members/${r.userId}`, { roles: ['reviewer'] })).status, 200);
    const images = await writeDemoImages(imagesDir, { train: 4, test: 3, size: 256 }, []);
    for (const [key, split, files, ids] of [['VTRAIN', 'train', images.train, trainIds], ['VTEST', 'test', images.test, testIds]] as const) {
      for (const file of files) {
        const response = await admin.post(`/api/projects/${key}/images?split=${split}&filename=${basename(file)}`, readFileSync(file), { 'content-type': 'application/dicom' });
        assert.equal(response.status, 201, JSON.stringify(response.body));
        ids.push(response.body.imageId);
      }
      ids.sort();
      const assigned = await admin.post(`/api/projects/${key}/assignments`, {});
      assert.equal(assigned.status, 200);
      assert.equal(assigned.body.created, files.length * 3);
    }
  });

  it('each annotator reads every image blind, is stopped by the rules, and submits', async () => {
    const usernames = ['ann1', 'ann2', 'ann3', 'rev1', 'rev2', 'admin'];
    for (const key of ['VTRAIN', 'VTEST']) {
      const ids = key === 'VTRAIN' ? trainIds : testIds;
      for (const [r, reader] of readers.entries()) {
        const seen: string[] = [];
        for (let guard = 0; guard < 20; guard++) {
          const next = await reader.get(`/api/projects/${key}/tasks/next`);
          assert.equal(next.status, 200);
          if (next.body.task === null || next.body.task === undefined) break;
          const { task, image, annotation } = next.body;
          const text = JSON.stringify(next.body);
          for (const name of usernames.filter((n) => n !== reader.username)) assert.ok(!text.includes(name), `${reader.username} must not see ${name}`);
          assert.deepEqual(annotation, { globals: [], boxes: [] }, 'a reader starts from an empty read: others\' boxes are never shown');
          const i = ids.indexOf(image.imageId);
          assert.ok(i >= 0);
          seen.push(image.imageId);
          // A rule violation first: No finding with a box.
          let saved = await reader.put(`/api/tasks/${task.id}/annotation`, { version: task.version, globals: ['No finding'], boxes: [{ label: 'Nodule/Mass', xMin: 1, yMin: 1, xMax: 5, yMax: 5 }] });
          assert.equal(saved.status, 200);
          const refused = await reader.post(`/api/tasks/${task.id}/submit`, { version: saved.body.version });
          assert.equal(refused.status, 422);
          assert.deepEqual(refused.body.error.violations.map((v: { code: string }) => v.code), ['NO_FINDING_WITH_BOXES']);
          saved = await reader.put(`/api/tasks/${task.id}/annotation`, { version: saved.body.version, ...scriptedRead(r, i), readingMs: 1000 * (r + 1) });
          assert.equal(saved.status, 200);
          const submitted = await reader.post(`/api/tasks/${task.id}/submit`, { version: saved.body.version });
          assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
        }
        assert.deepEqual([...seen].sort(), ids, `${reader.username} read each ${key} image once`);
      }
    }
  });

  it('the two reviewers settle each test image: an edit withdraws the other approval, both approve the same version', async () => {
    const [rev1, rev2] = reviewers as [ApiClient, ApiClient];
    for (let k = 0; k < testIds.length; k++) {
      const t1 = (await rev1.get('/api/projects/VTEST/tasks/next?kind=review')).body.task;
      const t2 = (await rev2.get('/api/projects/VTEST/tasks/next?kind=review')).body.task;
      assert.ok(t1 && t2, 'each reviewer has a review task');
      const view = await rev1.get(`/api/tasks/${t1.id}/review`);
      assert.equal(view.status, 200);
      assert.deepEqual(view.body.reads.map((read: { reader: string }) => read.reader).sort(), ['R1', 'R2', 'R3']);
      const i = testIds.indexOf(view.body.image.imageId);
      assert.ok(i >= 0);
      // rev1 proposes reader 1's read (R2), rev2 approves; rev1 then settles on reader 0's (R1): rev2's approval is withdrawn.
      const first = await rev1.put(`/api/tasks/${t1.id}/consensus`, { version: view.body.consensus.version, ...scriptedRead(1, i) });
      assert.equal(first.status, 200);
      assert.equal((await rev2.post(`/api/tasks/${t2.id}/approve`, { version: first.body.version })).body.final, false);
      const second = await rev1.put(`/api/tasks/${t1.id}/consensus`, { version: first.body.version, ...scriptedRead(0, i) });
      assert.equal(second.body.withdrawn, 1);
      assert.equal((await rev2.post(`/api/tasks/${t2.id}/approve`, { version: first.body.version })).status, 409);
      assert.equal((await rev2.post(`/api/tasks/${t2.id}/approve`, { version: second.body.version })).body.final, false);
      assert.equal((await rev1.post(`/api/tasks/${t1.id}/approve`, { version: second.body.version })).body.final, true);
    }
    assert.equal((await rev1.get('/api/projects/VTEST/tasks/next?kind=review')).body.task, null);
  });

  async function exportFiles(key: string): Promise<Map<string, string>> {
    const created = await server.admin.post(`/api/projects/${key}/exports`, { format: 'vindr' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const files = new Map<string, string>();
    for (const f of created.body.files as Array<{ name: string }>) {
      const download = await server.admin.get(`/api/projects/${key}/exports/${created.body.number}/files/${f.name}`);
      assert.equal(download.status, 200);
      files.set(f.name, Buffer.from(download.raw.rawPayload).toString('utf8'));
    }
    return files;
  }

  const labelNames = VINDR_CXR_SCHEMA.labels.map((l) => l.name);

  it('the training export has one row per reader, with pseudonymous rad_ids, exactly as the reads were made', async () => {
    const files = await exportFiles('VTRAIN');
    const annotations = [['image_id', 'rad_id', 'class_name', 'x_min', 'y_min', 'x_max', 'y_max'].join(',')];
    const labels = [['image_id', 'rad_id', ...labelNames].join(',')];
    for (const [i, imageId] of trainIds.entries()) {
      for (let r = 0; r < 3; r++) {
        const read = scriptedRead(r, i);
        for (const b of read.boxes) annotations.push([imageId, `R${r + 1}`, b.label, num(b.xMin), num(b.yMin), num(b.xMax), num(b.yMax)].join(','));
        if (read.globals.includes('No finding')) annotations.push([imageId, `R${r + 1}`, 'No finding', '', '', '', ''].join(','));
        const on = new Set([...read.globals, ...read.boxes.map((b) => b.label)]);
        labels.push([imageId, `R${r + 1}`, ...labelNames.map((n) => (on.has(n) ? '1' : '0'))].join(','));
      }
    }
    assert.deepEqual(csvLines(files.get('annotations/annotations_train.csv')!), annotations);
    assert.deepEqual(csvLines(files.get('annotations/image_labels_train.csv')!), labels);
    for (const [name, text] of files) for (const who of ['ann1', 'ann2', 'ann3', 'ANN1', 'admin']) assert.ok(!text.includes(who), `${name} names no user`);
  });

  it('the test export is the settled consensus, without rad_id, in the PhysioNet test-file shape', async () => {
    const files = await exportFiles('VTEST');
    const annotations = [['image_id', 'class_name', 'x_min', 'y_min', 'x_max', 'y_max'].join(',')];
    const labels = [['image_id', ...labelNames.map((n) => (n === 'Other diseases' ? 'Other disease' : n))].join(',')];
    for (const [i, imageId] of testIds.entries()) {
      const read = scriptedRead(0, i);
      for (const b of read.boxes) annotations.push([imageId, b.label, num(b.xMin), num(b.yMin), num(b.xMax), num(b.yMax)].join(','));
      if (read.globals.includes('No finding')) annotations.push([imageId, 'No finding', '', '', '', ''].join(','));
      const on = new Set([...read.globals, ...read.boxes.map((b) => b.label)]);
      labels.push([imageId, ...labelNames.map((n) => (on.has(n) ? '1' : '0'))].join(','));
    }
    assert.deepEqual(csvLines(files.get('annotations/annotations_test.csv')!), annotations);
    assert.deepEqual(csvLines(files.get('annotations/image_labels_test.csv')!), labels);
  });

  it('progress shows every read done, with each reader\'s median reading time', async () => {
    const progress = await server.admin.get('/api/projects/VTRAIN/progress');
    assert.equal(progress.status, 200);
    assert.equal(progress.body.reads.submitted, trainIds.length * 3);
    const medians = (progress.body.perReader as Array<{ radId: string; medianReadingMs: number; done: number; remaining: number }>).sort((a, b) => a.radId.localeCompare(b.radId));
    assert.deepEqual(medians.map((m) => [m.radId, m.done, m.remaining, m.medianReadingMs]), [['R1', 4, 0, 1000], ['R2', 4, 0, 2000], ['R3', 4, 0, 3000]]);
  });
});
