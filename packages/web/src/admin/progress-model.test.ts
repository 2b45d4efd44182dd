import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProjectProgress, ReaderProgress } from '@cxrlab/server/api-types';
import { f1Rows, kappaDomain, kappaRows, kappaTone, medianRows, readerRows, readTiles } from './progress-model.js';

const reader = (radId: string | null, done: number, remaining: number, skipped: number, medianReadingMs: number | null): ReaderProgress => ({
  radId,
  userId: 1,
  username: 'ann',
  displayName: `Reader ${radId}`,
  done,
  remaining,
  skipped,
  medianReadingMs,
});

const agreement: NonNullable<ProjectProgress['agreement']> = {
  raters: 3,
  imagesUsed: 4,
  imagesLeftOut: 1,
  labels: [
    { label: 'COPD', kappa: null, images: 4, positiveRatings: 0 },
    { label: 'Pneumonia', kappa: 0.75, images: 4, positiveRatings: 5 },
    { label: 'Lung tumor', kappa: -0.33, images: 4, positiveRatings: 2 },
  ],
  overall: 0.21,
  boxes: [
    { className: '', pairImages: 0, boxes: 0, matched: 0, f1: null, meanIou: null },
    { className: 'Nodule/Mass', pairImages: 3, boxes: 6, matched: 2, f1: 0.667, meanIou: 0.5 },
  ],
};

describe('reader rows', () => {
  it('stacks done, remaining and skipped under the pseudonym and name', () => {
    assert.deepEqual(readerRows([reader('R1', 5, 2, 1, 60_000)]), [{ label: 'R1 · Reader R1', values: [5, 2, 1] }]);
  });
  it('gives median reading times in seconds, and none for a reader without reads', () => {
    const [a, b] = medianRows([reader('R1', 1, 0, 0, 75_500), reader('R2', 0, 3, 0, null)]);
    assert.equal(a!.value, 75.5);
    assert.equal(a!.valueText, '1 min 16 s');
    assert.equal(b!.value, null);
    assert.equal(b!.valueText, 'no reads yet');
  });
});

describe('readTiles', () => {
  const base: ProjectProgress = { images: 7, reads: { needed: 21, submitted: 15, inProgress: 2, pending: 4, skipped: 0 }, perReader: [], agreement: null };
  it('lists the read counts, and the consensus only for consensus projects', () => {
    assert.deepEqual(readTiles(base).map(([l]) => l), ['images', 'reads needed', 'submitted', 'in progress', 'not started', 'skipped']);
    const consensus = readTiles({ ...base, consensus: { open: 4, final: 1 } });
    assert.deepEqual(consensus.slice(-2), [
      ['consensus open', 4],
      ['consensus final', 1],
    ]);
  });
});

describe('agreement rows', () => {
  it('gives one row per global label plus the overall mean, n/a for undefined kappas', () => {
    const rows = kappaRows(agreement);
    assert.deepEqual(rows.map((r) => r.label), ['COPD', 'Pneumonia', 'Lung tumor', 'Overall (mean)']);
    assert.equal(rows[0]!.valueText, 'n/a');
    assert.equal(rows[2]!.valueText, '−0.33');
    assert.equal(rows[3]!.value, 0.21);
  });
  it('colours by the Landis and Koch bands', () => {
    assert.equal(kappaTone(0.75), 'bar-ok');
    assert.equal(kappaTone(0.5), undefined);
    assert.equal(kappaTone(0.3), 'bar-warn');
    assert.equal(kappaTone(-0.1), 'bar-bad');
    assert.equal(kappaTone(null), undefined);
  });
  it('extends the kappa axis below zero only as far as needed', () => {
    assert.deepEqual(kappaDomain([0.2, 0.9, null]), [0, 1]);
    assert.deepEqual(kappaDomain([-0.33, 0.5]), [-0.4, 1]);
    assert.deepEqual(kappaDomain([-0.4]), [-0.4, 1]);
    assert.deepEqual(kappaDomain([-3]), [-1, 1]);
  });
  it('leaves out the box-less marker class in F1 rows', () => {
    assert.deepEqual(f1Rows(agreement).map((r) => [r.label, r.valueText]), [['Nodule/Mass', '0.67']]);
  });
});
