// Table 2 on a generated release (counts equal the generator's truth) and on hand-made records and facts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ImageLabels } from '../model/annotations.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';
import { synthesizeRelease } from '../synth/synthetic-release.js';
import type { ImageFacts } from './image-facts.js';
import { median, percentOf, table2 } from './table2.js';

const NAMES = VINDR_CXR_SCHEMA.labels.map((l) => l.name);
const row = (imageId: string, radId: string | undefined, ...marked: string[]): ImageLabels => ({
  imageId, ...(radId === undefined ? {} : { radId }), labels: Object.fromEntries(NAMES.map((n) => [n, marked.includes(n) ? 1 : 0])) as Record<string, 0 | 1>,
});

describe('table2 on a synthetic release', () => {
  const release = synthesizeRelease({ seed: 2024 });
  const table = table2({ train: release.train.imageLabels, test: release.test.imageLabels });

  it('counts every label exactly as the generator did, in schema order', () => {
    for (const split of ['train', 'test'] as const) {
      assert.deepEqual(Object.keys(table[split].labels), NAMES);
      const counts = Object.fromEntries(Object.entries(table[split].labels).map(([k, v]) => [k, v.count]));
      assert.deepEqual(counts, release.truth[split], split);
    }
  });

  it('gives images, readers per image and percentages, and nothing else without facts', () => {
    assert.deepEqual(Object.keys(table), ['train', 'test']);
    assert.deepEqual(Object.keys(table.train), ['images', 'readers_per_image', 'labels']);
    assert.deepEqual([table.train.images, table.train.readers_per_image, table.test.images, table.test.readers_per_image], [15000, 3, 3000, 1]);
    const f = table.train.labels['No finding']!;
    assert.equal(f.percent, Math.round((f.count / 15000) * 10000) / 100);
  });

  it('reports the consensus readers asked for', () => {
    const t = table2({ train: release.train.imageLabels.slice(0, 30), test: release.test.imageLabels.slice(0, 10) }, { consensusReaders: 5 });
    assert.deepEqual([t.train.readers_per_image, t.test.readers_per_image, t.test.images], [3, 5, 10]);
  });
});

describe('table2 on hand-made records', () => {
  it('reports the common readers-per-image count and the range when it varies', () => {
    const train = [
      row('a', 'R1', 'Cardiomegaly'), row('a', 'R2', 'Cardiomegaly'), row('a', 'R3', 'No finding'),
      row('b', 'R1', 'No finding'), row('b', 'R2', 'No finding'), row('b', 'R4', 'No finding'),
      row('c', 'R5', 'Cardiomegaly'), row('c', 'R6', 'No finding'),
    ];
    const t = table2({ train, test: [row('t', undefined, 'Cardiomegaly', 'Other diseases')] });
    assert.deepEqual([t.train.images, t.train.readers_per_image, t.train.readers_per_image_min, t.train.readers_per_image_max], [3, 3, 2, 3]);
    assert.deepEqual(t.train.labels['Cardiomegaly'], { count: 1, percent: 33.33 });
    assert.deepEqual(t.train.labels['No finding'], { count: 1, percent: 33.33 });
    assert.deepEqual(t.test.labels['Other diseases'], { count: 1, percent: 100 });
    assert.deepEqual(t.test.labels['Edema'], { count: 0, percent: 0 });
  });

  it('adds image size, age, sex and data size from facts of the split images', () => {
    const facts: ImageFacts[] = [
      { imageId: 'a', rows: 3000, columns: 2500, age: 40, sex: 'M', bytes: 1000 },
      { imageId: 'b', rows: 2800, columns: 2400, age: 60, sex: 'F', bytes: 2000 },
      { imageId: 'c', rows: 2000, columns: 2000, sex: 'O', bytes: 500 },
      { imageId: 't', rows: 2048, columns: 2048, bytes: 7 },
      { imageId: 'not-in-any-split', rows: 1, columns: 1, age: 1, sex: 'M', bytes: 1e9 },
    ];
    const train = [row('a', 'R1'), row('b', 'R1'), row('c', 'R1'), row('d', 'R1')];
    const t = table2({ train, test: [row('t', undefined, 'No finding')] }, { facts });
    const { labels: _l, ...trainFigures } = t.train;
    assert.deepEqual(trainFigures, {
      images: 4, readers_per_image: 1, images_with_facts: 3, median_image_size: { rows: 2800, columns: 2400 },
      median_age: 50, sex_percent: { M: 33.33, F: 33.33, other_unknown: 33.33 }, data_size_bytes: 3500,
    });
    const { labels: _m, ...testFigures } = t.test;
    assert.deepEqual(testFigures, {
      images: 1, readers_per_image: 1, images_with_facts: 1, median_image_size: { rows: 2048, columns: 2048 },
      sex_percent: { M: 0, F: 0, other_unknown: 100 }, data_size_bytes: 7,
    });
  });

  it('handles empty splits', () => {
    const t = table2({ train: [], test: [] }, { facts: [] });
    assert.deepEqual([t.train.images, t.train.readers_per_image, t.train.images_with_facts, t.train.labels['No finding']], [0, 0, 0, { count: 0, percent: 0 }]);
  });
});

describe('percentOf and median', () => {
  it('rounds half up to 2 decimals', () => {
    assert.deepEqual([percentOf(1, 3), percentOf(2, 3), percentOf(1, 8), percentOf(1, 16), percentOf(0, 0), percentOf(10606, 15000)], [33.33, 66.67, 12.5, 6.25, 0, 70.71]);
  });
  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.deepEqual([median([3, 1, 2]), median([4, 1, 3, 2]), median([5])], [2, 2.5, 5]);
    assert.ok(Number.isNaN(median([])));
  });
});
