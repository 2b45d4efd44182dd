// The synthetic release: VinDr's shape by default, deterministic, realistic reader disagreement, truth
// counted from what was generated, and its options.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ImageLabels } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';
import { majorityChance } from './reader-model.js';
import { synthesizeRelease } from './synthetic-release.js';
import { targetFrequency } from './vindr-frequencies.js';

const groupBy = (rows: readonly ImageLabels[]): Map<string, ImageLabels[]> => {
  const map = new Map<string, ImageLabels[]>();
  for (const row of rows) map.set(row.imageId, [...(map.get(row.imageId) ?? []), row]);
  return map;
};

describe('synthesizeRelease, default configuration', () => {
  const release = synthesizeRelease({ seed: 42 });
  const train = groupBy(release.train.imageLabels);

  it('has 15,000 training images with 3 distinct readers of R1..R17 each, and 3,000 consensus test images', () => {
    assert.equal(train.size, 15000);
    assert.equal(release.train.imageLabels.length, 45000);
    const readers = new Set<string>();
    for (const rows of train.values()) {
      assert.equal(new Set(rows.map((r) => r.radId)).size, 3);
      for (const r of rows) readers.add(r.radId!);
    }
    assert.deepEqual([...readers].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))), Array.from({ length: 17 }, (_, i) => `R${i + 1}`));
    assert.equal(release.test.imageLabels.length, 3000);
    assert.ok(release.test.imageLabels.every((r) => r.radId === undefined) && release.test.annotations.every((a) => a.radId === undefined));
    assert.equal(new Set(release.test.imageLabels.map((r) => r.imageId)).size, 3000);
    assert.equal(release.sizes.size, 18000);
    for (const { width, height } of release.sizes.values()) assert.ok(width >= 2000 && width <= 3000 && height >= 2000 && height <= 3000);
  });

  it('has No finding (by majority) within 3 points of the target in both splits', () => {
    assert.ok(Math.abs(release.truth.train['No finding']! / 15000 - targetFrequency('No finding', 'train', true)) < 0.03, String(release.truth.train['No finding']));
    assert.ok(Math.abs(release.truth.test['No finding']! / 3000 - targetFrequency('No finding', 'test', true)) < 0.03, String(release.truth.test['No finding']));
  });

  it('counts the truth by majority vote over the generated readers', () => {
    const counts: Record<string, number> = Object.fromEntries(VINDR_CXR_SCHEMA.labels.map((l) => [l.name, 0]));
    for (const rows of train.values()) for (const name of Object.keys(counts)) if (rows.filter((r) => r.labels[name] === 1).length >= 2) counts[name]!++;
    assert.deepEqual(release.truth.train, counts);
    const test = Object.fromEntries(Object.keys(counts).map((name) => [name, release.test.imageLabels.filter((r) => r.labels[name] === 1).length]));
    assert.deepEqual(release.truth.test, test);
  });

  it('has readers who disagree: majority vote differs from "any reader" and from "all readers"', () => {
    let split = 0;
    const any: Record<string, number> = {};
    for (const rows of train.values()) {
      if (new Set(rows.map((r) => JSON.stringify(r.labels))).size > 1) split++;
      for (const name of ['Aortic enlargement', 'No finding']) if (rows.some((r) => r.labels[name] === 1)) any[name] = (any[name] ?? 0) + 1;
    }
    assert.ok(split > 1500 && split < 9000, `images with disagreement: ${split}`);
    assert.ok(any['Aortic enlargement']! > release.truth.train['Aortic enlargement']! * 1.05);
    assert.ok(any['No finding']! > release.truth.train['No finding']!);
  });

  it('marks No finding exactly for readers who marked nothing, with one box-less annotation row', () => {
    const noFindingRows = new Set(release.train.annotations.filter((a) => a.className === 'No finding').map((a) => `${a.imageId}/${a.radId}`));
    const boxed = new Set(release.train.annotations.filter((a) => a.box !== undefined).map((a) => `${a.imageId}/${a.radId}/${a.className}`));
    assert.ok(release.train.annotations.every((a) => (a.className === 'No finding') === (a.box === undefined)));
    for (const row of release.train.imageLabels) {
      const marked = Object.keys(row.labels).filter((k) => k !== 'No finding' && row.labels[k] === 1);
      assert.equal(row.labels['No finding'], marked.length === 0 ? 1 : 0);
      assert.equal(noFindingRows.has(`${row.imageId}/${row.radId}`), marked.length === 0);
      for (const name of marked) {
        const local = VINDR_CXR_SCHEMA.labels.find((l) => l.name === name)!.kind === 'local';
        assert.equal(boxed.has(`${row.imageId}/${row.radId}/${name}`), local, name);
      }
    }
  });

  it('keeps boxes inside their image and scatters readers around a shared box', () => {
    for (const a of [...release.train.annotations, ...release.test.annotations]) {
      if (!a.box) continue;
      const size = release.sizes.get(a.imageId)!;
      assert.ok(a.box.xMin >= 0 && a.box.yMin >= 0 && a.box.xMax <= size.width && a.box.yMax <= size.height && a.box.xMax > a.box.xMin && a.box.yMax > a.box.yMin);
    }
    const cardio = release.train.annotations.filter((a) => a.className === 'Cardiomegaly');
    const first = cardio[0]!;
    const same = cardio.filter((a) => a.imageId === first.imageId);
    assert.ok(same.length >= 2 && new Set(same.map((a) => a.box!.xMin)).size === same.length, 'readers draw different boxes');
  });
});

describe('synthesizeRelease options', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const options = { seed: 9, trainImages: 500, testImages: 100 };
    assert.deepEqual(synthesizeRelease(options), synthesizeRelease(options));
    assert.notDeepEqual(synthesizeRelease(options).truth, synthesizeRelease({ ...options, seed: 10 }).truth);
  });

  it('takes sizes, reader counts and another schema', () => {
    const schema: LabelSchema = { name: 'mini', labels: [{ name: 'Spot', kind: 'local', definition: '' }, { name: 'Sick', kind: 'global', definition: '' }, { name: 'Normal', kind: 'global', definition: '' }], noFinding: 'Normal', classIds: ['Spot', 'Normal'] };
    const r = synthesizeRelease({ seed: 1, trainImages: 200, testImages: 50, readersPerTrainImage: 2, readers: 4, schema, imageSize: { width: 1024, height: 800 } });
    assert.equal(r.train.imageLabels.length, 400);
    assert.deepEqual(Object.keys(r.train.imageLabels[0]!.labels), ['Spot', 'Sick', 'Normal']);
    assert.ok([...r.sizes.values()].every((s) => s.width === 1024 && s.height === 800));
    assert.ok(new Set(r.train.imageLabels.map((x) => x.radId)).size <= 4);
    assert.deepEqual(Object.keys(r.truth.train), ['Spot', 'Sick', 'Normal']);
  });

  it('makes empty splits and rejects impossible options', () => {
    const r = synthesizeRelease({ seed: 1, trainImages: 0, testImages: 0 });
    assert.deepEqual([r.train.imageLabels.length, r.test.annotations.length, r.truth.train['No finding']], [0, 0, 0]);
    assert.throws(() => synthesizeRelease({ seed: 1, readersPerTrainImage: 18 }), /readersPerTrainImage \(18\) exceeds readers \(17\)/);
    assert.throws(() => synthesizeRelease({ seed: 1, trainImages: 1.5 }), RangeError);
    assert.throws(() => synthesizeRelease({ seed: 1, readers: 0 }), RangeError);
  });
});

describe('majorityChance', () => {
  it('is the chance that more than half of the readers agree', () => {
    assert.equal(majorityChance(0.8, 1), 0.8);
    assert.ok(Math.abs(majorityChance(0.8, 2) - 0.64) < 1e-12);
    assert.ok(Math.abs(majorityChance(0.8, 3) - (3 * 0.64 * 0.2 + 0.512)) < 1e-12);
  });
});
