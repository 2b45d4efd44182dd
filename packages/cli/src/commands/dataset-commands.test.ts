import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesizeRelease } from '@cxrlab/dataset';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { runCli } from '../run-cli.js';

type Run = { code: number; stdout: string; stderr: string };

async function cli(...args: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { isTTY: false, write: (t: string) => (out.stderr += t) } };
  const code = await runCli(args, io);
  return { code, ...out };
}

let root: string;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'cxrlab-dataset-cli-'));
});

const LABELS = ['Aortic enlargement', 'Atelectasis', 'Calcification', 'Cardiomegaly', 'Clavicle fracture', 'Consolidation', 'Edema', 'Emphysema', 'Enlarged PA', 'ILD',
  'Infiltration', 'Lung Opacity', 'Lung cavity', 'Lung cyst', 'Mediastinal shift', 'Nodule/Mass', 'Pleural effusion', 'Pleural thickening', 'Pneumothorax',
  'Pulmonary fibrosis', 'Rib fracture', 'Other lesion', 'COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases', 'No finding'];

describe('cxrlab synth-release and stats', () => {
  it("counts every label by majority vote exactly as the generator's truth, and writes the chart and report", async () => {
    const dir = join(root, 'release');
    assert.equal((await cli('synth-release', dir, '--train', '400', '--test', '80', '--seed', '3')).code, 0);
    const truth = synthesizeRelease({ seed: 3, trainImages: 400, testImages: 80, readersPerTrainImage: 3 }).truth;
    const run = await cli('stats', dir, '--json', '--svg', join(root, 'fig.svg'), '--html', join(root, 'report.html'));
    assert.equal(run.code, 0, run.stderr);
    const table = JSON.parse(run.stdout);
    assert.equal(table.train.images, 400);
    assert.equal(table.train.readers_per_image, 3);
    assert.equal(table.test.images, 80);
    assert.deepEqual(Object.keys(table.train.labels), LABELS);
    for (const split of ['train', 'test'] as const) {
      for (const label of LABELS) {
        const count = truth[split][label] ?? 0;
        assert.equal(table[split].labels[label].count, count, `${split} ${label}`);
        assert.equal(table[split].labels[label].percent, Math.round((count * 10000) / table[split].images) / 100);
      }
    }
    const svg = readFileSync(join(root, 'fig.svg'), 'utf8');
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('Nodule/Mass') && svg.includes('No finding'));
    const html = readFileSync(join(root, 'report.html'), 'utf8');
    assert.ok(html.includes('<svg') && html.includes('<table'));
    assert.doesNotMatch(html.replace(/xmlns="[^"]*"/g, ''), /(src|href)="https?:/);
    // the text table has a line per label
    const text = await cli('stats', dir);
    assert.match(text.stdout, /^Number of scans +400 +80$/m);
    assert.match(text.stdout, new RegExp(`^No finding +${truth.train['No finding']} \\(`, 'm'));
  });

  it('reads the DICOM headers of the image folders for size, age, sex and data size', async () => {
    const dir = join(root, 'with-images');
    mkdirSync(join(dir, 'annotations'), { recursive: true });
    mkdirSync(join(dir, 'train'));
    writeFileSync(join(dir, 'annotations', 'image_labels_train.csv'), `image_id,rad_id,${LABELS.join(',')}\nimg1,R1,${LABELS.map((l) => (l === 'No finding' ? 1 : 0)).join(',')}\n`);
    copyFileSync(sharedFixture('cr', 'RG1_J2KI.dcm'), join(dir, 'train', 'img1.dicom'));
    const run = await cli('stats', dir, '--json');
    assert.equal(run.code, 0, run.stderr);
    const train = JSON.parse(run.stdout).train;
    assert.deepEqual(train.median_image_size, { rows: 1955, columns: 1841 });
    assert.equal(train.data_size_bytes, readFileSync(sharedFixture('cr', 'RG1_J2KI.dcm')).length);
    assert.equal(train.labels['No finding'].count, 1);
  });

  it('says what is missing from a folder that is not a release', async () => {
    const run = await cli('stats', root);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /neither annotations\/image_labels_train.csv nor annotations\/image_labels_test.csv/);
  });
});

/** Ground truth on two images and a submission whose AP is worked out by hand below. */
function writeEvalCase(dir: string): { gt: string; pred: string } {
  mkdirSync(dir, { recursive: true });
  const gt = join(dir, 'annotations_test.csv');
  writeFileSync(gt, [
    'image_id,class_name,x_min,y_min,x_max,y_max',
    'a,Cardiomegaly,100.0,100.0,200.0,200.0',
    'a,Cardiomegaly,300.0,300.0,400.0,400.0',
    'b,Cardiomegaly,100.0,100.0,200.0,200.0',
    'b,Aortic enlargement,10.0,10.0,20.0,20.0',
    'c,No finding,,,,',
    '',
  ].join('\n'));
  // class 3 (Cardiomegaly), by confidence: a hit on a (0.9), a duplicate of it (0.8, FP), a hit on b
  // (0.7), a miss (0.6, FP): TP/FP = 1,0,1,0 -> precision 1, 1/2, 2/3, 2/4 at recall 1/3, 1/3, 2/3, 2/3;
  // envelope 1 up to recall 1/3, 2/3 up to 2/3, then 0: AP = 1/3 * 1 + 1/3 * 2/3 = 5/9.
  // class 0 (Aortic enlargement): no prediction -> AP 0. class 14: c's 0 0 1 1 -> AP 1.
  const pred = join(dir, 'submission.csv');
  writeFileSync(pred, [
    'image_id,PredictionString',
    'a,3 0.9 101 101 201 201 3 0.8 100 100 200 200 3 0.6 600 600 700 700',
    'b,3 0.7 110 110 205 205',
    'c,14 1 0 0 1 1',
    '',
  ].join('\n'));
  return { gt, pred };
}

describe('cxrlab eval', () => {
  it('gives the challenge mAP worked out by hand, with and without No finding', async () => {
    const { gt, pred } = writeEvalCase(join(root, 'eval'));
    const run = await cli('eval', '--gt', gt, '--pred', pred, '--json');
    assert.equal(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout);
    assert.ok(Math.abs(json.per_class['3'] - 5 / 9) < 1e-12, json.per_class['3']);
    assert.equal(json.per_class['0'], 0);
    assert.equal(json.per_class['14'], 1);
    assert.ok(Math.abs(json.mAP - (5 / 9 + 0 + 1) / 3) < 1e-12);
    assert.ok(Math.abs(json.mAP_without_no_finding - (5 / 9) / 2) < 1e-12);
    const table = await cli('eval', '--gt', gt, '--pred', pred);
    assert.match(table.stdout, /^ +3 +Cardiomegaly +0\.5556 +3 +4 +2$/m);
  });

  it('refuses predictions for unknown images, malformed PredictionStrings and reversed boxes, naming them', async () => {
    const { gt } = writeEvalCase(join(root, 'eval-bad'));
    const bad = (name: string, text: string): string => {
      const path = join(root, 'eval-bad', name);
      writeFileSync(path, `image_id,PredictionString\n${text}\n`);
      return path;
    };
    const unknown = await cli('eval', '--gt', gt, '--pred', bad('unknown.csv', 'zzz,3 0.5 1 1 2 2'));
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /zzz/);
    assert.equal((await cli('eval', '--gt', gt, '--pred', bad('unknown.csv', 'zzz,3 0.5 1 1 2 2'), '--unknown-images', 'ignore')).code, 0);
    // an image the image labels list, with no box row: its predictions are false positives, not errors
    writeFileSync(join(root, 'eval-bad', 'image_labels_test.csv'), `image_id,${LABELS.join(',')}\n${['a', 'b', 'c', 'g'].map((id) => `${id},${LABELS.map(() => 0).join(',')}`).join('\n')}\n`);
    const listed = await cli('eval', '--gt', gt, '--pred', bad('global-only.csv', 'a,3 0.9 101 101 201 201\ng,3 0.95 1 1 50 50'), '--json');
    assert.equal(listed.code, 0, listed.stderr);
    // class 3: FP (g, 0.95) then TP (a, 0.9): precision 1/2 at recall 1/3 -> AP 1/6
    assert.ok(Math.abs(JSON.parse(listed.stdout).per_class['3'] - 1 / 6) < 1e-12);
    const malformed = await cli('eval', '--gt', gt, '--pred', bad('malformed.csv', 'a,3 0.5 1 1 2'));
    assert.equal(malformed.code, 1);
    assert.match(malformed.stderr, /malformed\.csv:2/);
    const reversed = await cli('eval', '--gt', gt, '--pred', bad('reversed.csv', 'a,3 0.5 50 1 2 2'));
    assert.equal(reversed.code, 1);
    assert.match(reversed.stderr, /reversed\.csv:2.*x_max/);
  });
});

describe('cxrlab fuse', () => {
  it("fuses three readers' boxes: two that agree become one averaged box with score 2, a lone one stays with score 1", async () => {
    const dir = join(root, 'fuse');
    mkdirSync(dir, { recursive: true });
    const input = join(dir, 'annotations_train.csv');
    writeFileSync(input, [
      'image_id,rad_id,class_name,x_min,y_min,x_max,y_max',
      'a,R1,Cardiomegaly,100.0,100.0,200.0,200.0',
      'a,R2,Cardiomegaly,110.0,110.0,210.0,210.0',
      'a,R3,Nodule/Mass,500.0,500.0,520.0,520.0',
      'b,R1,No finding,,,,',
      'b,R2,No finding,,,,',
      'b,R3,No finding,,,,',
      '',
    ].join('\n'));
    const out = join(dir, 'consensus.csv');
    const run = await cli('fuse', input, '--out', out);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(out, 'utf8'), [
      'image_id,class_name,x_min,y_min,x_max,y_max,score',
      'a,Cardiomegaly,105.0,105.0,205.0,205.0,2',
      'a,Nodule/Mass,500.0,500.0,520.0,520.0,1',
      'b,No finding,,,,,3',
      '',
    ].join('\n'));
    const majority = await cli('fuse', input, '--out', out, '--method', 'majority');
    assert.equal(majority.code, 0, majority.stderr);
    assert.doesNotMatch(readFileSync(out, 'utf8'), /Nodule/, 'one reader of three is no majority');
  });
});

describe('cxrlab agreement', () => {
  it("gives Fleiss' and Cohen's kappa worked out by hand, and the box agreement", async () => {
    const dir = join(root, 'agreement');
    mkdirSync(dir, { recursive: true });
    const row = (image: string, reader: string, positive: string[]): string => `${image},${reader},${LABELS.map((l) => (positive.includes(l) ? 1 : 0)).join(',')}`;
    // Pneumonia by two readers on four images: (1,1) (1,0) (0,0) (0,0): po = 3/4, pe = 1/4*2/4 + 3/4*2/4 = 1/2, Cohen = 0.5
    const labels = join(dir, 'image_labels_train.csv');
    writeFileSync(labels, [`image_id,rad_id,${LABELS.join(',')}`,
      row('i1', 'R1', ['Pneumonia']), row('i1', 'R2', ['Pneumonia']), row('i2', 'R1', ['Pneumonia']), row('i2', 'R2', ['No finding']),
      row('i3', 'R1', ['No finding']), row('i3', 'R2', ['No finding']), row('i4', 'R1', ['No finding']), row('i4', 'R2', ['No finding']), ''].join('\n'));
    const run = await cli('agreement', '--labels', labels, '--csv', join(dir, 'out'));
    assert.equal(run.code, 0, run.stderr);
    const pairs = readFileSync(join(dir, 'out-pairs.csv'), 'utf8').split('\n');
    const pneumonia = pairs.find((l) => l.startsWith('Pneumonia,'))!.split(',');
    assert.equal(Number(pneumonia[8]), 0.5);
    // Fleiss for 2 raters, 4 items, p(yes) = 3/8: P = (1 + 0 + 1 + 1)/4 = 3/4, Pe = (3/8)^2 + (5/8)^2 = 34/64, kappa = (48-34)/(64-34) = 14/30
    const fleiss = readFileSync(join(dir, 'out-fleiss.csv'), 'utf8').split('\n').find((l) => l.startsWith('Pneumonia,'))!.split(',');
    assert.ok(Math.abs(Number(fleiss[1]) - 14 / 30) < 1e-12, fleiss[1]);
    assert.match(run.stdout, /^ +Pneumonia +0\.467/m);
  });
});

describe('cxrlab export', () => {
  const annotations = (dir: string): string => {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'annotations_train.csv');
    writeFileSync(path, ['image_id,rad_id,class_name,x_min,y_min,x_max,y_max', 'a,R1,Cardiomegaly,100.0,200.0,300.0,600.0', 'a,R1,Rib fracture,10.0,10.0,20.0,20.0', 'b,R2,No finding,,,,', ''].join('\n'));
    writeFileSync(join(dir, 'sizes.csv'), 'image_id,width,height\na,1000,2000\nb,800,800\n');
    return path;
  };

  it('writes COCO boxes as x, y, width, height, YOLO lines normalised by the image size, and Kaggle class ids', async () => {
    const dir = join(root, 'export');
    const input = annotations(dir);
    assert.equal((await cli('export', input, '--format', 'coco', '--sizes', join(dir, 'sizes.csv'), '--out', join(dir, 'coco.json'))).code, 0);
    const coco = JSON.parse(readFileSync(join(dir, 'coco.json'), 'utf8'));
    const cardio = coco.annotations.find((a: { category_id: number }) => a.category_id === 3);
    assert.deepEqual(cardio.bbox, [100, 200, 200, 400]);
    assert.equal(cardio.area, 80000);
    assert.deepEqual(coco.images.map((i: { width: number; height: number }) => [i.width, i.height]), [[1000, 2000], [800, 800]]);
    const yoloDir = join(dir, 'yolo');
    const yolo = await cli('export', input, '--format', 'yolo', '--sizes', join(dir, 'sizes.csv'), '--out', yoloDir);
    assert.equal(yolo.code, 0, yolo.stderr);
    // cx = 200/1000, cy = 400/2000, w = 200/1000, h = 400/2000; Rib fracture has no class id: left out
    assert.equal(readFileSync(join(yoloDir, 'a.txt'), 'utf8').trim(), '3 0.200000 0.200000 0.200000 0.200000');
    assert.equal(readFileSync(join(yoloDir, 'b.txt'), 'utf8'), '');
    assert.match(yolo.stderr, /left out \(no class id\): 1 Rib fracture/);
    assert.ok(existsSync(join(yoloDir, 'classes.txt')));
    const kaggle = await cli('export', input, '--format', 'kaggle', '--out', join(dir, 'train.csv'));
    assert.equal(kaggle.code, 0, kaggle.stderr);
    assert.match(kaggle.stderr, /2 rows .*left out \(no class id\): 1 Rib fracture/);
    assert.equal(readFileSync(join(dir, 'train.csv'), 'utf8'), 'image_id,class_name,class_id,rad_id,x_min,y_min,x_max,y_max\na,Cardiomegaly,3,R1,100.0,200.0,300.0,600.0\nb,No finding,14,R2,,,,\n');
  });

  it('writes a submission that scores 1 against the annotations it came from', async () => {
    const dir = join(root, 'export-submission');
    const { gt } = writeEvalCase(dir);
    const sub = join(dir, 'from-gt.csv');
    const run = await cli('export', gt, '--format', 'submission', '--out', sub);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(sub, 'utf8').split('\n')[3], 'c,14 1 0 0 1 1');
    const scored = JSON.parse((await cli('eval', '--gt', gt, '--pred', sub, '--json')).stdout);
    assert.deepEqual([scored.mAP, scored.mAP_without_no_finding], [1, 1]);
  });

  it('refuses COCO and YOLO without every image size', async () => {
    const dir = join(root, 'export-sizes');
    const input = annotations(dir);
    writeFileSync(join(dir, 'sizes.csv'), 'image_id,width,height\na,1000,2000\n');
    const run = await cli('export', input, '--format', 'coco', '--sizes', join(dir, 'sizes.csv'), '--out', join(dir, 'coco.json'));
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no size for 1 image \(first: b\)/);
    assert.equal((await cli('export', input, '--format', 'yolo', '--out', join(dir, 'y'))).code, 2);
  });
});
