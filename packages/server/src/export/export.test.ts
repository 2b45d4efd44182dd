import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { ApiClient, createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { seedStudy, TEST_IMAGES, TRAIN_IMAGES, TRAIN_READS, type Study } from './study.test-fixture.js';

// The published column order of image_labels_*.csv, written out by hand (the test file spells "Other disease").
const LABELS = ['Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Clavicle fracture', 'Consolidation', 'Edema', 'Emphysema', 'Enlarged PA', 'ILD',
  'Infiltration', 'Lung Opacity', 'Lung cavity', 'Lung cyst', 'Mediastinal shift', 'Nodule/Mass', 'Pleural effusion', 'Pleural thickening', 'Pneumothorax',
  'Pulmonary fibrosis', 'Rib fracture', 'Other lesion', 'COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases', 'No finding'];
const TEST_COLUMNS = LABELS.map((l) => (l === 'Other diseases' ? 'Other disease' : l));
const bits = (positives: string[]) => LABELS.map((l) => (positives.includes(l) ? '1' : '0')).join(',');
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;

const TRAIN_ANNOTATIONS = csv(
  'image_id,rad_id,class_name,x_min,y_min,x_max,y_max',
  'img-001,R1,Cardiomegaly,691.0,1375.0,1653.0,1831.0',
  'img-001,R1,Aortic enlargement,1264.0,743.0,1611.0,1019.0',
  'img-001,R2,Cardiomegaly,700.5,1380.0,1650.0,1840.25',
  'img-001,R3,No finding,,,,',
  'img-002,R1,No finding,,,,',
  'img-002,R2,No finding,,,,',
  'img-002,R3,Rib fracture,10.0,20.0,30.0,40.0',
  'img-002,R3,Nodule/Mass,100.0,200.0,150.0,260.0',
  'img-003,R1,Nodule/Mass,1000.0,1000.0,1100.0,1120.0',
  'img-003,R2,Nodule/Mass,1005.0,990.0,1098.0,1125.0',
  'img-003,R3,Nodule/Mass,1002.0,1001.0,1103.0,1119.0',
  'img-003,R3,Pleural effusion,0.25,1500.0,400.0,2100.75',
);
const TRAIN_IMAGE_LABELS = csv(
  `image_id,rad_id,${LABELS.join(',')}`,
  `img-001,R1,${bits(['Cardiomegaly', 'Aortic enlargement', 'Other diseases'])}`,
  `img-001,R2,${bits(['Cardiomegaly', 'Other diseases'])}`,
  `img-001,R3,${bits(['No finding'])}`,
  `img-002,R1,${bits(['No finding'])}`,
  `img-002,R2,${bits(['No finding'])}`,
  `img-002,R3,${bits(['Pneumonia', 'Tuberculosis', 'Rib fracture', 'Nodule/Mass'])}`,
  `img-003,R1,${bits(['Lung tumor', 'Nodule/Mass'])}`,
  `img-003,R2,${bits(['Lung tumor', 'Nodule/Mass'])}`,
  `img-003,R3,${bits(['Lung tumor', 'COPD', 'Nodule/Mass', 'Pleural effusion'])}`,
);
const TRAIN_SIZES = csv('image_id,width,height', 'img-001,2000,2400', 'img-002,3000,3000', 'img-003,2048,2500');
const TEST_ANNOTATIONS = csv('image_id,class_name,x_min,y_min,x_max,y_max', 't-01,Consolidation,300.0,400.0,900.0,1200.5', 't-01,Lung Opacity,320.0,410.0,880.0,1190.0', 't-02,No finding,,,,');
const TEST_IMAGE_LABELS = csv(`image_id,${TEST_COLUMNS.join(',')}`, `t-01,${bits(['Consolidation', 'Lung Opacity', 'Other diseases', 'Pneumonia'])}`, `t-02,${bits(['No finding'])}`);
const TEST_SIZES = csv('image_id,width,height', 't-01,2300,2800', 't-02,2100,2600');
const TRAIN_COUNTS = { images: 3, reads: 9, readers: 3, boxes: 9, globalLabels: 11, skippedUnfinished: 1 };
const TEST_COUNTS = { images: 2, reads: 0, readers: 0, boxes: 2, globalLabels: 3, skippedUnfinished: 1 };
const CLASSES = ['Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Consolidation', 'ILD', 'Infiltration', 'Lung Opacity', 'Nodule/Mass', 'Other lesion',
  'Pleural effusion', 'Pleural thickening', 'Pneumothorax', 'Pulmonary fibrosis', 'No finding'];

/** A YOLO line computed here from the box corners: class, centre and size over the image size, 6 decimals. */
const yoloLine = (classId: number, [x0, y0, x1, y1]: number[], w: number, h: number) =>
  `${classId} ${((x0! + x1!) / 2 / w).toFixed(6)} ${((y0! + y1!) / 2 / h).toFixed(6)} ${((x1! - x0!) / w).toFixed(6)} ${((y1! - y0!) / h).toFixed(6)}\n`;

await forEachDialect('project exports', (dialect) => {
  let server: TestServer;
  let s: Study;
  before(async () => {
    server = await createTestServer(dialect);
    s = await seedStudy(server);
  });
  after(() => server.close());

  const base = (key: string) => `/api/projects/${key}/exports`;

  /** Downloads every file of an export, checks bytes and SHA-256 against the manifest and the folder on disk, and returns the texts. */
  async function filesOf(key: string, number: number, format: string): Promise<Map<string, string>> {
    const manifest = await s.owner.get(`${base(key)}/${number}`);
    assert.equal(manifest.status, 200);
    assert.equal(manifest.body.project, key);
    assert.equal(manifest.body.number, number);
    assert.equal(manifest.body.format, format);
    const folder = join(server.dataDir, 'exports', key, `${number}-${format}`);
    const texts = new Map<string, string>();
    for (const file of manifest.body.files as Array<{ name: string; bytes: number; sha256: string }>) {
      const response = await s.owner.get(`${base(key)}/${number}/files/${file.name}`);
      assert.equal(response.status, 200, file.name);
      assert.match(String(response.headers['content-disposition']), /^attachment; filename="[^"/]+"$/);
      const bytes = response.raw.rawPayload;
      assert.equal(bytes.length, file.bytes, file.name);
      assert.equal(createHash('sha256').update(bytes).digest('hex'), file.sha256, file.name);
      assert.deepEqual(readFileSync(join(folder, file.name)), bytes, file.name);
      texts.set(file.name, bytes.toString('utf8'));
    }
    // nobody's name, no id of a user, no path in any file (manifest included)
    const all = [...texts.values(), readFileSync(join(folder, 'manifest.json'), 'utf8')];
    for (const text of all) {
      for (const name of s.names) assert.ok(!text.includes(name), `${key} ${format}: a file names ${name}`);
      assert.ok(!text.includes('/srv/private') && !text.includes(server.dataDir), `${key} ${format}: a file holds a path`);
      assert.ok(!/created_?by/i.test(text), 'the creator is not in the files');
    }
    return texts;
  }

  it('exports an independent project as exactly the PhysioNet training files, with pseudonyms and the unfinished image left out (export 1)', async () => {
    const r = await s.owner.post(base(s.train.key), { format: 'vindr' });
    assert.equal(r.status, 201);
    assert.equal(r.body.number, 1);
    assert.equal(r.body.format, 'vindr');
    assert.deepEqual(r.body.counts, TRAIN_COUNTS);
    assert.deepEqual(r.body.files.map((f: { name: string }) => f.name), ['annotations/annotations_train.csv', 'annotations/image_labels_train.csv', 'image_sizes.csv']);
    const files = await filesOf(s.train.key, 1, 'vindr');
    assert.equal(files.get('annotations/annotations_train.csv'), TRAIN_ANNOTATIONS);
    assert.equal(files.get('annotations/image_labels_train.csv'), TRAIN_IMAGE_LABELS);
    assert.equal(files.get('image_sizes.csv'), TRAIN_SIZES);
  });

  it('exports a consensus project as the PhysioNet test files: no rad_id column, open consensus left out and counted', async () => {
    const r = await s.owner.post(base(s.test.key), { format: 'vindr' });
    assert.equal(r.status, 201);
    assert.equal(r.body.number, 1, 'numbered per project');
    assert.deepEqual(r.body.counts, TEST_COUNTS);
    const files = await filesOf(s.test.key, 1, 'vindr');
    assert.equal(files.get('annotations/annotations_test.csv'), TEST_ANNOTATIONS);
    assert.equal(files.get('annotations/image_labels_test.csv'), TEST_IMAGE_LABELS);
    assert.equal(files.get('image_sizes.csv'), TEST_SIZES);
    for (const text of files.values()) assert.ok(!text.includes('rad_id') && !/\bR[0-9]\b/.test(text));
  });

  it('kaggle: train.csv with class ids and pseudonyms; labels without a class id left out and counted (export 2)', async () => {
    const r = await s.owner.post(base(s.train.key), { format: 'kaggle' });
    assert.equal(r.status, 201);
    assert.equal(r.body.number, 2);
    assert.deepEqual(r.body.counts, { ...TRAIN_COUNTS, leftOut: { 'Rib fracture': 1 } });
    const files = await filesOf(s.train.key, 2, 'kaggle');
    assert.deepEqual([...files.keys()], ['image_sizes.csv', 'train.csv']);
    assert.equal(files.get('train.csv'), csv(
      'image_id,class_name,class_id,rad_id,x_min,y_min,x_max,y_max',
      'img-001,Cardiomegaly,3,R1,691.0,1375.0,1653.0,1831.0',
      'img-001,Aortic enlargement,0,R1,1264.0,743.0,1611.0,1019.0',
      'img-001,Cardiomegaly,3,R2,700.5,1380.0,1650.0,1840.25',
      'img-001,No finding,14,R3,,,,',
      'img-002,No finding,14,R1,,,,',
      'img-002,No finding,14,R2,,,,',
      'img-002,Nodule/Mass,8,R3,100.0,200.0,150.0,260.0',
      'img-003,Nodule/Mass,8,R1,1000.0,1000.0,1100.0,1120.0',
      'img-003,Nodule/Mass,8,R2,1005.0,990.0,1098.0,1125.0',
      'img-003,Nodule/Mass,8,R3,1002.0,1001.0,1103.0,1119.0',
      'img-003,Pleural effusion,10,R3,0.25,1500.0,400.0,2100.75',
    ));
    const refused = await s.owner.post(base(s.test.key), { format: 'kaggle' });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.field, 'body.format');
  });

  it('coco: every finished image with its size, boxes as [x, y, w, h] with their pseudonyms (export 3)', async () => {
    const r = await s.owner.post(base(s.train.key), { format: 'coco' });
    assert.equal(r.body.number, 3);
    const files = await filesOf(s.train.key, 3, 'coco');
    assert.deepEqual([...files.keys()], ['coco.json', 'image_sizes.csv']);
    const coco = JSON.parse(files.get('coco.json')!);
    assert.deepEqual(coco.images, [
      { id: 1, file_name: 'img-001.dicom', width: 2000, height: 2400 },
      { id: 2, file_name: 'img-002.dicom', width: 3000, height: 3000 },
      { id: 3, file_name: 'img-003.dicom', width: 2048, height: 2500 },
    ]);
    const a = (id: number, image: number, category: number, bbox: number[], area: number, rad: string) => ({ id, image_id: image, category_id: category, bbox, area, iscrowd: 0, rad_id: rad });
    assert.deepEqual(coco.annotations, [
      a(1, 1, 3, [691, 1375, 962, 456], 438672, 'R1'),
      a(2, 1, 0, [1264, 743, 347, 276], 95772, 'R1'),
      a(3, 1, 3, [700.5, 1380, 949.5, 460.25], 437007.375, 'R2'),
      a(4, 2, 22, [10, 20, 20, 20], 400, 'R3'),
      a(5, 2, 8, [100, 200, 50, 60], 3000, 'R3'),
      a(6, 3, 8, [1000, 1000, 100, 120], 12000, 'R1'),
      a(7, 3, 8, [1005, 990, 93, 135], 12555, 'R2'),
      a(8, 3, 8, [1002, 1001, 101, 118], 11918, 'R3'),
      a(9, 3, 10, [0.25, 1500, 399.75, 600.75], 240149.8125, 'R3'),
    ]);
    const local = ['Clavicle fracture', 'Edema', 'Emphysema', 'Enlarged PA', 'Lung cavity', 'Lung cyst', 'Mediastinal shift', 'Rib fracture'];
    assert.deepEqual(coco.categories, [...CLASSES.slice(0, 14).map((name, id) => ({ id, name })), ...local.map((name, i) => ({ id: 15 + i, name }))]);
  });

  it('yolo: a label file per finished image, classes.txt and data.yaml (export 4)', async () => {
    const r = await s.owner.post(base(s.train.key), { format: 'yolo' });
    assert.equal(r.body.number, 4);
    assert.deepEqual(r.body.counts.leftOut, { 'Rib fracture': 1 });
    const files = await filesOf(s.train.key, 4, 'yolo');
    assert.deepEqual([...files.keys()], ['classes.txt', 'data.yaml', 'image_sizes.csv', 'labels/img-001.txt', 'labels/img-002.txt', 'labels/img-003.txt']);
    assert.equal(files.get('labels/img-001.txt'), yoloLine(3, [691, 1375, 1653, 1831], 2000, 2400) + yoloLine(0, [1264, 743, 1611, 1019], 2000, 2400) + yoloLine(3, [700.5, 1380, 1650, 1840.25], 2000, 2400));
    assert.equal(files.get('labels/img-001.txt')!.split('\n')[0], '3 0.586000 0.667917 0.481000 0.190000');
    assert.equal(files.get('labels/img-002.txt'), yoloLine(8, [100, 200, 150, 260], 3000, 3000));
    assert.equal(files.get('labels/img-003.txt'), [[1000, 1000, 1100, 1120], [1005, 990, 1098, 1125], [1002, 1001, 1103, 1119]].map((b) => yoloLine(8, b, 2048, 2500)).join('') + yoloLine(10, [0.25, 1500, 400, 2100.75], 2048, 2500));
    assert.equal(files.get('classes.txt'), CLASSES.map((c) => `${c}\n`).join(''));
    assert.equal(files.get('data.yaml'), `nc: 15\nnames:\n${CLASSES.map((c, i) => `  ${i}: "${c}"\n`).join('')}`);
    // the consensus project: an image without boxes still gets its (empty) file
    const t = await s.owner.post(base(s.test.key), { format: 'yolo' });
    const test = await filesOf(s.test.key, t.body.number, 'yolo');
    assert.equal(test.get('labels/t-02.txt'), '');
    assert.equal(test.get('labels/t-01.txt'), yoloLine(4, [300, 400, 900, 1200.5], 2300, 2800) + yoloLine(7, [320, 410, 880, 1190], 2300, 2800));
    assert.equal(test.has('labels/t-03.txt'), false);
  });

  it('json: the project, images, reads by pseudonym (or the consensus) and counts (export 5)', async () => {
    const r = await s.owner.post(base(s.train.key), { format: 'json' });
    assert.equal(r.body.number, 5);
    const doc = JSON.parse((await filesOf(s.train.key, 5, 'json')).get('export.json')!);
    const order = { carol: 'R1', alice: 'R2', bob: 'R3' } as const;
    assert.deepEqual(doc, {
      project: { key: s.train.key, name: `VinDr ${s.train.key}`, workflow: 'independent', N: 3, M: 0, schema: VINDR_CXR_SCHEMA },
      images: TRAIN_IMAGES.filter((i) => i.imageId !== 'img-004').sort((a, b) => a.imageId.localeCompare(b.imageId)).map((i) => ({ ...i, split: 'train' })).map(({ imageId, split, width, height }) => ({ imageId, split, width, height })),
      reads: ['img-001', 'img-002', 'img-003'].flatMap((imageId) => (['carol', 'alice', 'bob'] as const).map((name) => ({ imageId, radId: order[name], ...TRAIN_READS[imageId]![name]! }))),
      counts: TRAIN_COUNTS,
    });
    const t = await s.owner.post(base(s.test.key), { format: 'json' });
    const test = JSON.parse((await filesOf(s.test.key, t.body.number, 'json')).get('export.json')!);
    assert.equal(test.reads, undefined);
    assert.deepEqual(test.consensus, [
      { imageId: 't-01', globals: ['Other diseases', 'Pneumonia'], boxes: [{ label: 'Consolidation', xMin: 300, yMin: 400, xMax: 900, yMax: 1200.5 }, { label: 'Lung Opacity', xMin: 320, yMin: 410, xMax: 880, yMax: 1190 }] },
      { imageId: 't-02', globals: ['No finding'], boxes: [] },
    ]);
    assert.deepEqual(test.images.map((i: { imageId: string }) => i.imageId), TEST_IMAGES.map((i) => i.imageId).filter((id) => id !== 't-03').sort());
    assert.equal(test.project.workflow, 'consensus');
    assert.equal(test.project.M, 2);
  });

  it('lists the snapshots in order, and numbers concurrent exports without gaps or duplicates', async () => {
    const list = await s.owner.get(base(s.train.key));
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.exports.map((e: { number: number; format: string }) => `${e.number}-${e.format}`), ['1-vindr', '2-kaggle', '3-coco', '4-yolo', '5-json']);
    assert.deepEqual(list.body.exports[0].counts, TRAIN_COUNTS);
    assert.equal(list.body.exports[0].createdBy, s.owner.userId);
    const before = (await s.owner.get(base(s.test.key))).body.exports.length as number;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? s.owner : s.admin).post(base(s.test.key), { format: i % 2 === 0 ? 'vindr' : 'coco' })));
    assert.deepEqual(results.map((r) => r.status), Array(6).fill(201));
    assert.deepEqual(results.map((r) => r.body.number as number).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6].map((k) => before + k));
    const folder = join(server.dataDir, 'exports', s.test.key);
    assert.deepEqual(readdirSync(folder).filter((n) => n.startsWith('.')), [], 'no staging folder is left behind');
    assert.equal(readdirSync(folder).length, before + 6);
    for (const r of results) assert.ok(existsSync(join(folder, `${r.body.number}-${r.body.format}`, 'manifest.json')));
  });

  it('records each export and download in the audit log', async () => {
    const rows = await s.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'user_id']).where('project_id', '=', s.train.id).where('entity', '=', 'export').execute();
    assert.ok(rows.some((r) => r.action === 'create' && r.entity_id === '1' && r.user_id === s.owner.userId));
    assert.ok(rows.some((r) => r.action === 'download' && r.entity_id === '1'));
  });

  it('only owners and administrators may export; annotators and reviewers get 403, non-members 404', async () => {
    const key = s.test.key;
    const cases: Array<[string, ApiClient, number, number]> = [
      ['admin', s.admin, 201, 200], ['owner', s.owner, 201, 200], ['annotator', s.alice, 403, 403], ['reviewer', s.erin, 403, 403], ['outsider', s.outsider, 404, 404], ['anonymous', new ApiClient(server.app), 401, 401],
    ];
    for (const [who, client, create, read] of cases) {
      assert.equal((await client.post(base(key), { format: 'vindr' })).status, create, `${who} POST`);
      assert.equal((await client.get(base(key))).status, read, `${who} list`);
      assert.equal((await client.get(`${base(key)}/1`)).status, read, `${who} manifest`);
      assert.equal((await client.get(`${base(key)}/1/files/annotations/annotations_test.csv`)).status, read, `${who} download`);
    }
    // reviewers of TEST are not members of TRAIN at all
    assert.equal((await s.erin.get(base(s.train.key))).status, 404);
    assert.equal((await s.admin.get('/api/projects/NOPE/exports')).status, 404);
  });

  it('documents the export and progress routes in the OpenAPI document', async () => {
    const doc = await s.admin.get('/api/openapi.json');
    assert.equal(doc.status, 200);
    for (const path of ['/api/projects/{key}/exports', '/api/projects/{key}/exports/{number}', '/api/projects/{key}/progress', '/api/projects/{key}/progress/me']) assert.ok(doc.body.paths[path], path);
  });

  it('refuses bad formats, unknown exports, unlisted files and path traversal', async () => {
    const key = s.train.key;
    const bad = await s.owner.post(base(key), { format: 'csv' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.field, 'body.format');
    assert.equal((await s.owner.post(base(key), { format: 'vindr', path: '/tmp' })).status, 400);
    assert.equal((await s.owner.post(base(key), {})).status, 400);
    assert.equal((await s.owner.get(`${base(key)}/999`)).status, 404);
    assert.equal((await s.owner.get(`${base(key)}/999/files/image_sizes.csv`)).status, 404);
    assert.equal((await s.owner.get(`${base(key)}/0`)).status, 400);
    for (const path of ['..%2F..%2Fetc%2Fpasswd', '..%2F..%2F..%2F..%2Fcxrlab.sqlite', 'annotations%2F..%2F..%2F2-kaggle%2Ftrain.csv', '%2Fetc%2Fpasswd', 'train.csv', 'annotations/missing.csv', 'annotations', '.%2Fmanifest.json%2F..%2F..%2F1-vindr%2Fmanifest.json']) {
      const r = await s.owner.get(`${base(key)}/1/files/${path}`);
      assert.equal(r.status, 404, path);
      assert.equal(r.body.error.code, 'ERR_NOT_FOUND', path);
    }
    const manifest = await s.owner.get(`${base(key)}/1/files/manifest.json`);
    assert.equal(manifest.status, 200);
  });
});
