import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VINDR_CXR_SCHEMA as schema } from '../schema/vindr-cxr.js';
import { DatasetFormatError } from '../model/annotations.js';
import { readRelease, writeRelease } from './release.js';

const NAMES = schema.labels.map((l) => l.name);
const TEST_NAMES = NAMES.map((n) => (n === 'Other diseases' ? 'Other disease' : n));
const FILES: Record<string, string> = {
  'annotations/annotations_train.csv': 'image_id,rad_id,class_name,x_min,y_min,x_max,y_max\nt1,R1,No finding,,,,\nt2,R2,Atelectasis,1.0,2.5,3.0,4.0\n',
  'annotations/annotations_test.csv': 'image_id,class_name,x_min,y_min,x_max,y_max\ns1,Cardiomegaly,691.0,1375.0,1653.0,1831.0\n',
  'annotations/image_labels_test.csv': `image_id,${TEST_NAMES.join(',')}\ns1,${TEST_NAMES.map((n) => (n === 'Other disease' ? 1 : 0)).join(',')}\n`,
};

function withRelease(run: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'cxrlab-release-'));
  try {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    mkdirSync(join(dir, 'train'));
    for (const name of ['t2.dicom', 't1.dicom', 'readme.txt']) writeFileSync(join(dir, 'train', name), '');
    run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('release folder', () => {
  it('reads the files present and says which; lists image files without reading them', () => {
    withRelease((dir) => {
      const release = readRelease(dir, schema);
      assert.deepEqual(release.present, ['annotations/annotations_train.csv', 'train/', 'annotations/annotations_test.csv', 'annotations/image_labels_test.csv']);
      assert.equal(release.train.annotations?.length, 2);
      assert.equal(release.train.imageLabels, undefined);
      assert.deepEqual(release.train.imageFiles, [join(dir, 'train', 't1.dicom'), join(dir, 'train', 't2.dicom')]);
      assert.deepEqual(release.test.annotations?.[0]?.box, { xMin: 691, yMin: 1375, xMax: 1653, yMax: 1831 });
      assert.equal(release.test.imageLabels?.[0]?.labels['Other diseases'], 1);
      assert.deepEqual(release.test.imageFiles, []);
    });
  });

  it('writes back the same bytes, atomically (no temporary files left)', () => {
    withRelease((dir) => {
      const release = readRelease(dir, schema);
      const out = mkdtempSync(join(tmpdir(), 'cxrlab-release-out-'));
      try {
        writeRelease(out, release, schema);
        writeRelease(out, release, schema);
        assert.deepEqual(readdirSync(join(out, 'annotations')).sort(), ['annotations_test.csv', 'annotations_train.csv', 'image_labels_test.csv']);
        for (const [path, text] of Object.entries(FILES)) assert.equal(readFileSync(join(out, path), 'utf8'), text, path);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });

  it('names the file in a format error', () => {
    withRelease((dir) => {
      writeFileSync(join(dir, 'annotations/annotations_test.csv'), 'image_id,class_name,x_min,y_min,x_max,y_max\ns1,Nope,,,,\n');
      assert.throws(() => readRelease(dir, schema), (e: unknown) => e instanceof DatasetFormatError && e.file === join(dir, 'annotations/annotations_test.csv') && e.line === 2 && e.column === 2);
    });
  });

  it('reads an empty folder as a release with nothing present', () => {
    withRelease((dir) => {
      const empty = join(dir, 'empty');
      mkdirSync(empty);
      assert.deepEqual(readRelease(empty, schema), { train: { imageFiles: [] }, test: { imageFiles: [] }, present: [] });
    });
  });
});
