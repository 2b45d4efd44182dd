// assessQuality on the real CR fixtures: all clean as stored, the chests suspect once flipped.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { decodeFrame, pixelSource, type DecodedFrame } from '@cxrlab/imaging';
import { assessQuality } from './assess-quality.js';

const CHESTS = ['CR-MONO1-10-chest.dcm', 'RG1_JLSN.dcm'];
const OTHERS = ['RG2_UNC.dcm', 'RG3_UNC.dcm']; // hip, leg

const load = (name: string): Promise<DecodedFrame> => decodeFrame(pixelSource(readDicomFileSync(sharedFixture('cr', name))));
const flipped = (f: DecodedFrame): DecodedFrame => ({ ...f, photometricInterpretation: f.photometricInterpretation === 'MONOCHROME1' ? 'MONOCHROME2' : 'MONOCHROME1' });

describe('assessQuality on the real fixtures', () => {
  for (const name of [...CHESTS, ...OTHERS]) {
    it(`finds nothing wrong with ${name}`, async () => {
      const { findings, measures } = assessQuality(await load(name));
      assert.deepEqual(findings, []);
      assert.ok(measures.spreadFraction > 0.5 && measures.atRangeMax < 0.05);
    });
  }

  for (const name of CHESTS) {
    it(`suspects inversion in ${name} with its photometric interpretation flipped`, async () => {
      const frame = await load(name);
      assert.ok(assessQuality(frame).measures.inversion < -0.2);
      const { findings, measures } = assessQuality(flipped(frame));
      assert.deepEqual(findings.map((f) => f.code), ['INVERTED_SUSPECT']);
      assert.ok(measures.inversion > 0.2, String(measures.inversion));
    });
  }

  it('does not suspect inversion in the hip or the leg, flipped or not', async () => {
    for (const name of OTHERS) {
      const frame = await load(name);
      for (const f of [frame, flipped(frame)]) {
        const { findings, measures } = assessQuality(f);
        assert.ok(!findings.some((x) => x.code === 'INVERTED_SUSPECT') && measures.inversion < 0.15, `${name} ${f.photometricInterpretation}: ${measures.inversion}`);
      }
    }
  });

  it('calls the collimated leg saturated under a stricter limit on piles at the range ends', async () => {
    const leg = await load('RG3_UNC.dcm');
    const { findings } = assessQuality(leg, { saturatedFraction: 0.4 });
    assert.deepEqual(findings.map((f) => f.code), ['SATURATED']);
    assert.match(findings[0]!.detail, /^4\d\.\d% of pixels within 1% of the ends of the image's range \(limit 40%\)$/);
  });
});
