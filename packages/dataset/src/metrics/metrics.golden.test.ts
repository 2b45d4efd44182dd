// The metrics against an independent NumPy implementation (scripts/goldens/generate_dataset_goldens.py,
// goldens in test-assets/metrics/): VOC mAP on seeded random cases with ties, Cohen and Fleiss kappa.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRootOf } from '@cxrlab/dicom/testing';
import type { Detection } from '../model/annotations.js';
import { cohenKappa, fleissKappa } from './kappa.js';
import { evaluateDetections, type GroundTruthBox } from './voc-ap.js';

type GtRow = [string, number, number?, number?, number?, number?];
type PredRow = [string, number, number, number, number, number, number];
interface ClassGolden { ap: number | null; gtCount: number; predCount: number; truePositives: number }
interface DetectionCase {
  name: string;
  iouThreshold: number;
  noFindingClass: number;
  imageIds: string[];
  gt: GtRow[];
  pred: PredRow[];
  expected: { mAP: number; mAPWithoutNoFinding: number; perClass: Record<string, ClassGolden> };
}
interface KappaCases {
  cohen: { name: string; a: number[]; b: number[]; kappa: number | null }[];
  fleiss: { name: string; counts: number[][]; kappa: number | null }[];
}

const load = <T>(name: string): T => JSON.parse(readFileSync(join(packageRootOf(import.meta.url), 'test-assets', 'metrics', name), 'utf8')) as T;
const close = (actual: number, expected: number | null, what: string) => {
  if (expected === null) assert.ok(Number.isNaN(actual), `${what}: ${actual}, expected NaN`);
  else assert.ok(Math.abs(actual - expected) <= 1e-9, `${what}: ${actual}, expected ${expected}`);
};

describe('metrics against the NumPy goldens', () => {
  for (const c of load<{ cases: DetectionCase[] }>('detection-cases.json').cases) {
    it(`evaluateDetections: ${c.name}`, () => {
      const gt: GroundTruthBox[] = c.gt.map(([imageId, classId, xMin, yMin, xMax, yMax]) =>
        xMin === undefined ? { imageId, classId } : { imageId, classId, box: { xMin, yMin: yMin!, xMax: xMax!, yMax: yMax! } });
      const pred: Detection[] = c.pred.map(([imageId, classId, confidence, xMin, yMin, xMax, yMax]) => ({ imageId, classId, confidence, box: { xMin, yMin, xMax, yMax } }));
      const r = evaluateDetections(gt, pred, { iouThreshold: c.iouThreshold, noFindingClass: c.noFindingClass, imageIds: c.imageIds });
      close(r.mAP, c.expected.mAP, 'mAP');
      close(r.mAPWithoutNoFinding, c.expected.mAPWithoutNoFinding, 'mAP without No finding');
      assert.deepEqual([...r.perClass.keys()].map(String), Object.keys(c.expected.perClass).sort((a, b) => Number(a) - Number(b)));
      for (const [id, expected] of Object.entries(c.expected.perClass)) {
        const actual = r.perClass.get(Number(id))!;
        close(actual.ap, expected.ap, `class ${id} AP`);
        assert.deepEqual([actual.gtCount, actual.predCount, actual.truePositives], [expected.gtCount, expected.predCount, expected.truePositives], `class ${id} counts`);
      }
    });
  }

  const kappas = load<KappaCases>('kappa-cases.json');
  it('cohenKappa', () => {
    for (const c of kappas.cohen) close(cohenKappa(c.a, c.b), c.kappa, c.name);
  });
  it('fleissKappa', () => {
    for (const c of kappas.fleiss) close(fleissKappa(c.counts), c.kappa, c.name);
  });
});
