import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ImageLabels } from '../model/annotations.js';
import { labelAgreement } from './label-agreement.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);
const rec = (imageId: string, radId: string | undefined, copd: 0 | 1, extra: Record<string, 0 | 1> = {}): ImageLabels =>
  ({ imageId, ...(radId ? { radId } : {}), labels: { COPD: copd, Pneumonia: 0, ...extra } });

// COPD by R1, R2, R3 on i1..i4 (k = 3): i1 1,1,1  i2 0,0,0  i3 1,0,0  i4 1,1,0; i5 by R1 (1) and R2 (0) only.
const records: ImageLabels[] = [
  rec('i1', 'R1', 1), rec('i1', 'R2', 1), rec('i1', 'R3', 1),
  rec('i2', 'R1', 0), rec('i2', 'R2', 0), rec('i2', 'R3', 0),
  rec('i3', 'R1', 1), rec('i3', 'R2', 0), rec('i3', 'R3', 0),
  rec('i4', 'R1', 1), rec('i4', 'R2', 1), rec('i4', 'R3', 0, { 'Other disease': 1 }),
  rec('i5', 'R1', 1), rec('i5', 'R2', 0),
  rec('i1', undefined, 1),
];

describe('labelAgreement', () => {
  const r = labelAgreement(records, { labels: ['COPD', 'Pneumonia', 'Other diseases'] });

  it('computes Fleiss kappa over the images with the most common reader count', () => {
    assert.deepEqual([r.raters, r.imagesUsed, r.imagesLeftOut, r.recordsWithoutReader], [3, 4, 1, 1]);
    // Counts [neg, pos]: [0,3] [3,0] [2,1] [1,2]: P = (1 + 1 + 1/3 + 1/3) / 4 = 2/3, Pe = 1/2 -> 1/3.
    const copd = r.fleiss[0]!;
    assert.deepEqual({ ...copd, kappa: 0 }, { label: 'COPD', raters: 3, images: 4, positiveRatings: 6, kappa: 0 });
    close(copd.kappa, 1 / 3);
    assert.ok(Number.isNaN(r.fleiss[1]!.kappa), 'Pneumonia: every rating 0');
    // "Other disease" (an alias) is read as "Other diseases": one positive among 12 ratings.
    assert.equal(r.fleiss[2]!.positiveRatings, 1);
  });

  it('computes Cohen kappa per pair over the images both read, flagging small pairs', () => {
    const copd = r.pairwise.filter((p) => p.label === 'COPD');
    assert.deepEqual(copd.map((p) => `${p.readerA}-${p.readerB}:${p.commonImages}`), ['R1-R2:5', 'R1-R3:4', 'R2-R3:4']);
    // R1-R2 on i1..i5: (1,1) (0,0) (1,0) (1,1) (1,0): n11 2, n10 2, n01 0, n00 1; agreement 3/5;
    // A yes 4, B yes 2: (5*3 - (4*2 + 1*3)) / (25 - 11) = 4/14.
    assert.deepEqual({ ...copd[0]!, kappa: 0 }, {
      label: 'COPD', readerA: 'R1', readerB: 'R2', commonImages: 5, bothPositive: 2, onlyA: 2, onlyB: 0, bothNegative: 1,
      observedAgreement: 0.6, kappa: 0, flagged: true,
    });
    close(copd[0]!.kappa, 4 / 14);
    // R1-R3: agreement 2/4, A yes 3, B yes 1: (8 - 6) / (16 - 6) = 0.2. R2-R3: (12 - 8) / (16 - 8) = 0.5.
    close(copd[1]!.kappa, 0.2);
    close(copd[2]!.kappa, 0.5);
    assert.equal(r.pairwise.length, 9);
    assert.equal(labelAgreement(records, { labels: ['COPD'], minCommonImages: 5 }).pairwise[0]!.flagged, false);
  });

  it('uses the schema global labels by default, all labels on request, and orders readers naturally', () => {
    assert.deepEqual(labelAgreement(records).fleiss.map((f) => f.label), ['COPD', 'Lung tumor', 'Pneumonia', 'Tuberculosis', 'Other diseases', 'No finding']);
    assert.equal(labelAgreement(records, { labels: 'all' }).fleiss.length, 28);
    const ids = labelAgreement([rec('x', 'R10', 1), rec('x', 'R2', 0)], { labels: ['COPD'] }).pairwise[0]!;
    assert.deepEqual([ids.readerA, ids.readerB], ['R2', 'R10']);
  });

  it('throws on two records of one reader for one image', () => {
    assert.throws(() => labelAgreement([rec('i1', 'R1', 1), rec('i1', 'R1', 0)]), /image i1 and reader R1/);
  });
});
