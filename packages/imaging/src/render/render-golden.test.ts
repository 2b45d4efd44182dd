// renderFrame and modalityImage16 against an independent reference: scripts/goldens/reference_render.py
// (numpy, written from PS3.3 C.11 and docs/imaging.md; the kaggle preset through pydicom's own
// apply_voi_lut), goldens made by scripts/goldens/generate_render_goldens.py
// (npm run gen:render-goldens; format in test-assets/render-goldens/README.md).
//
// Per case: the shape; every grid sample (every k-th row and column) within +-1 of the reference;
// the full 256-bin histogram within an earth mover's distance of HISTOGRAM_EMD grey levels (the
// mean distance a sample must move to turn our histogram into the reference's). png16: exact.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readDicomFileSync, type DataSet } from '@cxrlab/dicom';
import { initCodecs } from '../codecs/registry.js';
import { decodeFrame, pixelSource } from '../pixel/decode-frame.js';
import type { DecodedFrame } from '../pixel/decoded-frame.js';
import { decodeGrid, goldenInputPath, histogram256, histogramDistance, loadRenderGoldens, sampleGrid, type GoldenGrid } from '../internal/render-test-assets.js';
import { modalityImage16 } from './modality-image16.js';
import { renderFrame } from './render-frame.js';

/** Grid samples may differ from the reference by this much (floating-point order, ties). */
const GRID_TOLERANCE = 1;
/** Histogram earth mover's distance, in grey levels; a systematic off-by-one is about 0.5. */
const HISTOGRAM_EMD = 0.1;

/** The first sample of the grid farthest from the reference, for a readable failure. */
function worstSample(ours: number[], expected: ArrayLike<number>, grid: GoldenGrid, channels: number): { diff: number; count: number; text: string } {
  let worst = -1;
  let diff = 0;
  let count = 0;
  for (let i = 0; i < ours.length; i++) {
    const d = Math.abs(ours[i]! - expected[i]!);
    if (d > GRID_TOLERANCE) count++;
    if (d > diff) {
      diff = d;
      worst = i;
    }
  }
  if (worst < 0) return { diff: 0, count: 0, text: 'identical grid' };
  const pixel = Math.floor(worst / channels);
  const row = Math.floor(pixel / grid.columns) * grid.step;
  const column = (pixel % grid.columns) * grid.step;
  const channel = channels > 1 ? ` channel ${worst % channels}` : '';
  return { diff, count, text: `pixel (row ${row}, column ${column})${channel}: ours ${ours[worst]}, reference ${expected[worst]}` };
}

function sha256(bytes: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)).digest('hex');
}

before(() => initCodecs());

describe('renderFrame and modalityImage16 match the numpy reference (scripts/goldens/reference_render.py)', () => {
  for (const golden of loadRenderGoldens()) {
    describe(golden.name, () => {
      let frame: DecodedFrame;
      let dataSet: DataSet;
      before(async () => {
        const file = readDicomFileSync(goldenInputPath(golden));
        dataSet = file.dataSet;
        frame = await decodeFrame(pixelSource(file), golden.frame);
      });

      for (const expected of golden.cases) {
        const label = `${expected.mode}${expected.voiIndex ? ` voiIndex ${expected.voiIndex}` : ''}`;
        it(label, () => {
          const where = `${golden.name} ${label}`;
          const ours = renderFrame(frame, dataSet, { window: expected.mode, voiIndex: expected.voiIndex });
          assert.deepEqual([ours.width, ours.height, ours.channels], [expected.width, expected.height, expected.channels], `${where}: width, height, channels`);
          assert.equal(ours.data.length, expected.width * expected.height * expected.channels, `${where}: data length`);
          const reference = decodeGrid(expected.grid, 1);
          const sampled = sampleGrid(ours.data, ours.width, ours.channels, expected.grid);
          const worst = worstSample(sampled, reference, expected.grid, ours.channels);
          assert.ok(worst.diff <= GRID_TOLERANCE, `${where}: ${worst.count} grid samples off by more than ${GRID_TOLERANCE}, worst at ${worst.text}`);
          const emd = histogramDistance(histogram256(ours.data), expected.histogram);
          assert.ok(emd <= HISTOGRAM_EMD, `${where}: histogram earth mover's distance ${emd.toFixed(4)} grey levels > ${HISTOGRAM_EMD}`);
        });
      }

      const png16 = golden.png16;
      if (png16) {
        it('png16 (modalityImage16) exactly', () => {
          const where = `${golden.name} png16`;
          const ours = modalityImage16(frame, dataSet);
          assert.deepEqual([ours.width, ours.height], [png16.width, png16.height], `${where}: width, height`);
          assert.equal(ours.offset, png16.shift, `${where}: offset (the shift added to the modality values)`);
          if (sha256(ours.data) === png16.sha256) return;
          let min = 65535;
          let max = 0;
          for (const v of ours.data) {
            if (v < min) min = v;
            if (v > max) max = v;
          }
          const worst = worstSample(sampleGrid(ours.data, ours.width, 1, png16.grid), decodeGrid(png16.grid, 2), png16.grid, 1);
          assert.fail(`${where}: data differs (SHA-256); min/max ${min}/${max}, expected ${png16.min}/${png16.max}; grid: largest difference ${worst.diff} at ${worst.text}`);
        });
      }
    });
  }
});
