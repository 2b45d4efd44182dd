// WBF and the strategies against test-assets/fusion/wbf-goldens.json, from scripts/goldens/generate_fusion_goldens.py (NumPy, after ensemble_boxes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRootOf } from '@cxrlab/dicom/testing';
import type { Box } from '../model/annotations.js';
import type { FusedBox, WbfConfType } from './weighted-boxes-fusion.js';
import { weightedBoxesFusion } from './weighted-boxes-fusion.js';
import { intersectionFusion, majorityFusion, unionFusion } from './strategies.js';

type Corners = [number, number, number, number];
interface Expected { box: Corners; confidence?: number; readers: number; members: number[] }
interface Case {
  name: string;
  readers: string[];
  boxes: { reader: string; box: Corners; score: number }[];
  options: { iouThreshold: number; skipBoxThreshold: number; confType: WbfConfType; weights: Record<string, number>; allowsOverflow: boolean };
  expected: Record<'wbf' | 'majority' | 'union' | 'intersection', Expected[]>;
}

const file = join(packageRootOf(import.meta.url), 'test-assets', 'fusion', 'wbf-goldens.json');
const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] };
const toBox = ([xMin, yMin, xMax, yMax]: Corners): Box => ({ xMin, yMin, xMax, yMax });
const near = (a: number, e: number, what: string): void => assert.ok(Math.abs(a - e) <= 1e-9, `${what}: ${a} != ${e}`);

function compare(actual: FusedBox[], expected: Expected[], label: string): void {
  assert.equal(actual.length, expected.length, `${label}: number of boxes`);
  expected.forEach((e, i) => {
    const a = actual[i]!;
    const eb = toBox(e.box);
    for (const k of ['xMin', 'yMin', 'xMax', 'yMax'] as const) near(a.box[k], eb[k], `${label} #${i} ${k}`);
    if (e.confidence !== undefined) near(a.confidence, e.confidence, `${label} #${i} confidence`);
    assert.equal(a.readers, e.readers, `${label} #${i} readers`);
    assert.deepEqual([...a.members].sort((x, y) => x - y), e.members, `${label} #${i} members`);
  });
}

describe('fusion goldens (NumPy, after ensemble_boxes)', () => {
  it('has the cases', () => assert.equal(cases.length, 50));
  for (const c of cases) {
    it(c.name, () => {
      const boxes = c.boxes.map((b) => ({ reader: b.reader, box: toBox(b.box), score: b.score }));
      compare(weightedBoxesFusion(boxes, { readers: c.readers, ...c.options }), c.expected.wbf, `${c.name} wbf`);
      const unit = { readers: c.readers, iouThreshold: c.options.iouThreshold };
      compare(majorityFusion(boxes, unit), c.expected.majority, `${c.name} majority`);
      compare(unionFusion(boxes, unit), c.expected.union, `${c.name} union`);
      compare(intersectionFusion(boxes, unit), c.expected.intersection, `${c.name} intersection`);
    });
  }
});
