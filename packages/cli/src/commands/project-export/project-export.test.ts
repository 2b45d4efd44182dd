import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { openDatabase } from '@cxrlab/server';
import { runCli } from '../../run-cli.js';

type Run = { code: number; stdout: string; stderr: string };

async function cli(...args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) } };
  const code = await runCli(args, io);
  return { code, ...out };
}

const LABELS = ['Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Clavicle fracture', 'Consolidation', 'Edema', 'Emphysema', 'Enlarged PA', 'ILD',
  'Infiltration', 'Lung Opacity', 'Lung cavity', 'Lung cyst', 'Mediastinal shift', 'Nodule/Mass', 'Pleural effusion', 'Pleural thickening', 'Pneumothorax',
  'Pulmonary fibrosis', 'Rib fracture', 'Other lesion', 'COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases', 'No finding'];
const bits = (positives: string[]) => LABELS.map((l) => (positives.includes(l) ? '1' : '0')).join(',');
const NAMES = ['dr-xavier', 'dr-yolanda', 'DR XAVIER', 'DR YOLANDA'];

let root: string;
let data: string;

/**
 * A platform data dir with two projects, rows inserted directly: TINY (independent, N = 2: image
 * a-1 read by yolanda = R1 and xavier = R2; a-2 read by R1 only) and TINYC (consensus: c-1 final, c-2 open).
 */
async function seed(dir: string): Promise<void> {
  const opened = await openDatabase({ dataDir: dir });
  const { db } = opened;
  const at = new Date().toISOString();
  const users = await db.insertInto('users').values([
    { username: 'dr-xavier', display_name: 'DR XAVIER', password_hash: 'x', is_admin: 0, disabled: 0, created_at: at },
    { username: 'dr-yolanda', display_name: 'DR YOLANDA', password_hash: 'x', is_admin: 0, disabled: 0, created_at: at },
  ]).returning('id').execute();
  const [xavier, yolanda] = users.map((u) => u.id) as [number, number];
  const project = (key: string, workflow: 'independent' | 'consensus') =>
    db.insertInto('projects').values({ key, name: key, workflow, readers_per_image: 2, reviewers_per_image: workflow === 'consensus' ? 2 : 0, schema_json: JSON.stringify(VINDR_CXR_SCHEMA), rules_json: '[]', assignment_seed: 1, created_at: at, created_by: null }).returning('id').executeTakeFirstOrThrow();
  const tiny = (await project('TINY', 'independent')).id;
  const tinyc = (await project('TINYC', 'consensus')).id;
  await db.insertInto('reader_pseudonyms').values([{ project_id: tiny, user_id: yolanda, rad_id: 'R1', number: 1 }, { project_id: tiny, user_id: xavier, rad_id: 'R2', number: 2 }]).execute();
  const image = async (projectId: number, imageId: string, split: 'train' | 'test') =>
    (await db.insertInto('images').values({ project_id: projectId, image_id: imageId, split, path: `/secret/place/${imageId}.dicom`, file_size: 1, width: 1000, height: 800, bits_stored: 12, photometric: 'MONOCHROME2', header_json: '{}', created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  const read = async (imageRow: number, user: number, status: 'submitted' | 'pending', rows: Array<[string, number[] | null]>) => {
    const task = await db.insertInto('tasks').values({ project_id: tiny, image_id: imageRow, kind: 'annotate', user_id: user, status, position: 0, version: 1, reading_ms: 1000, skip_reason: null, created_at: at, started_at: at, submitted_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow();
    for (const [label, b] of rows) {
      await db.insertInto('annotations').values({ task_id: task.id, image_id: imageRow, kind: b === null ? 'global' : 'local', label, x_min: b?.[0] ?? null, y_min: b?.[1] ?? null, x_max: b?.[2] ?? null, y_max: b?.[3] ?? null }).execute();
    }
  };
  const a1 = await image(tiny, 'a-1', 'train');
  const a2 = await image(tiny, 'a-2', 'train');
  await read(a1, xavier, 'submitted', [['Pneumonia', null], ['Consolidation', [10, 20, 300.5, 400]]]);
  await read(a1, yolanda, 'submitted', [['Other diseases', null], ['Lung Opacity', [12, 22, 310, 390]]]);
  await read(a2, yolanda, 'submitted', [['No finding', null]]);
  await read(a2, xavier, 'pending', []);
  for (const [imageId, status] of [['c-1', 'final'], ['c-2', 'open']] as const) {
    const row = await image(tinyc, imageId, 'test');
    await db.insertInto('consensus').values({ image_id: row, project_id: tinyc, version: 1, status, updated_by: xavier, updated_at: at }).execute();
    await db.insertInto('consensus_annotations').values([
      { image_id: row, kind: 'global', label: 'Other diseases', x_min: null, y_min: null, x_max: null, y_max: null },
      { image_id: row, kind: 'local', label: 'Cardiomegaly', x_min: 100, y_min: 200, x_max: 600, y_max: 500 },
    ]).execute();
  }
  await opened.close();
}

describe('cxrlab export --project', () => {
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cxrlab-project-export-'));
    data = join(root, 'data');
    await seed(data);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('makes numbered snapshots exactly like the HTTP route, and copies one to --out', async () => {
    const out = join(root, 'out', 'tiny-vindr');
    const run = await cli('export', '--project', 'TINY', '--format', 'vindr', '--data', data, '--out', out);
    assert.equal(run.code, 0, run.stderr);
    const folder = join(data, 'exports', 'TINY', '1-vindr');
    assert.equal(run.stdout, `export 1 of TINY (vindr): 1 image, 2 reads by 2 readers, 2 boxes, 2 global labels; 1 unfinished image left out\nfolder: ${folder}\ncopied to: ${out}\n`);
    const annotations = 'image_id,rad_id,class_name,x_min,y_min,x_max,y_max\na-1,R1,Lung Opacity,12.0,22.0,310.0,390.0\na-1,R2,Consolidation,10.0,20.0,300.5,400.0\n';
    const labels = `image_id,rad_id,${LABELS.join(',')}\na-1,R1,${bits(['Other diseases', 'Lung Opacity'])}\na-1,R2,${bits(['Pneumonia', 'Consolidation'])}\n`;
    for (const dir of [folder, out]) {
      assert.equal(readFileSync(join(dir, 'annotations', 'annotations_train.csv'), 'utf8'), annotations);
      assert.equal(readFileSync(join(dir, 'annotations', 'image_labels_train.csv'), 'utf8'), labels);
      assert.equal(readFileSync(join(dir, 'image_sizes.csv'), 'utf8'), 'image_id,width,height\na-1,1000,800\n');
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      assert.equal(manifest.project, 'TINY');
      assert.equal(manifest.number, 1);
      assert.deepEqual(manifest.counts, { images: 1, reads: 2, readers: 2, boxes: 2, globalLabels: 2, skippedUnfinished: 1 });
      for (const f of manifest.files) {
        const bytes = readFileSync(join(dir, f.name));
        assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256);
        const text = bytes.toString('utf8');
        for (const name of NAMES) assert.ok(!text.includes(name));
        assert.ok(!text.includes('/secret/place'));
      }
    }
    assert.deepEqual(readdirSync(join(root, 'out')), ['tiny-vindr'], 'no partial copy is left beside --out');
    const second = await cli('export', '--project=TINY', '--format=json', '--data', data);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^export 2 of TINY \(json\): /);
    assert.ok(existsSync(join(data, 'exports', 'TINY', '2-json', 'export.json')));
  });

  it('exports a consensus project without rad_id, numbered on its own', async () => {
    const run = await cli('export', '--project', 'TINYC', '--format', 'vindr', '--data', data);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^export 1 of TINYC \(vindr\): 1 image, the final consensus, 1 box, 1 global label; 1 unfinished image left out\n/);
    const folder = join(data, 'exports', 'TINYC', '1-vindr', 'annotations');
    assert.equal(readFileSync(join(folder, 'annotations_test.csv'), 'utf8'), 'image_id,class_name,x_min,y_min,x_max,y_max\nc-1,Cardiomegaly,100.0,200.0,600.0,500.0\n');
    const testColumns = LABELS.map((l) => (l === 'Other diseases' ? 'Other disease' : l));
    assert.equal(readFileSync(join(folder, 'image_labels_test.csv'), 'utf8'), `image_id,${testColumns.join(',')}\nc-1,${bits(['Other diseases', 'Cardiomegaly'])}\n`);
  });

  it('fails with a message for an unknown project or a format the project cannot give, and makes nothing', async () => {
    const unknown = await cli('export', '--project', 'NOPE', '--format', 'vindr', '--data', data);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no project NOPE/);
    const kaggle = await cli('export', '--project', 'TINYC', '--format', 'kaggle', '--data', data);
    assert.equal(kaggle.code, 1);
    assert.match(kaggle.stderr, /consensus project/);
    assert.deepEqual(readdirSync(join(data, 'exports', 'TINYC')), ['1-vindr']);
  });

  it('refuses bad arguments as usage errors before exporting', async () => {
    const full = join(root, 'full');
    mkdirSync(full);
    writeFileSync(join(full, 'keep.txt'), 'x');
    for (const args of [
      ['--project', 'TINY', '--data', data],
      ['--project', 'TINY', '--format', 'pdf', '--data', data],
      ['--project', 'TINY', '--format', 'vindr', '--data', data, '--out', full],
      ['annotations.csv', '--project', 'TINY', '--format', 'vindr', '--data', data],
      ['--project', 'TINY', '--format', 'vindr', '--data', data, '--bogus'],
    ]) {
      const run = await cli('export', ...args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /Usage: cxrlab export/);
    }
    assert.deepEqual(readdirSync(join(data, 'exports', 'TINY')).sort(), ['1-vindr', '2-json']);
    assert.deepEqual(readdirSync(full), ['keep.txt']);
  });

  it('documents both modes', async () => {
    const help = await cli('export', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /cxrlab export ANNOTATIONS\.csv --format coco\|yolo\|kaggle\|submission/);
    assert.match(help.stdout, /cxrlab export --project KEY --format vindr\|kaggle\|coco\|yolo\|json/);
    assert.match(help.stdout, /--data DIR/);
    assert.match(help.stdout, /--db URL/);
  });
});
