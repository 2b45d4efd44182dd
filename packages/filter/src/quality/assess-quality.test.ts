// assessQuality on synthetic chests (clean) and variants built to fail one check each.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeChestImage, type ChestImageOptions, type DecodedFrame } from '@cxrlab/imaging';
import { assessQuality } from './assess-quality.js';
import { DEFAULT_QUALITY_THRESHOLDS } from './quality-thresholds.js';

function chest(options: ChestImageOptions = {}): DecodedFrame {
  const c = synthesizeChestImage({ rows: 512, columns: 448, seed: 3, ...options });
  return { rows: c.rows, columns: c.columns, samplesPerPixel: 1, bitsStored: c.bitsStored, signed: false, photometricInterpretation: c.photometricInterpretation, data: c.pixels };
}

/** The same frame with new stored values (12 bits unless said). */
function withPixels(base: DecodedFrame, map: (v: number, i: number) => number): DecodedFrame {
  return { ...base, data: Uint16Array.from(base.data, map) };
}

const flipped = (f: DecodedFrame): DecodedFrame => ({ ...f, photometricInterpretation: f.photometricInterpretation === 'MONOCHROME1' ? 'MONOCHROME2' : 'MONOCHROME1' });
const codes = (f: DecodedFrame, options = {}): string[] => assessQuality(f, options).findings.map((x) => x.code);
/** The stored value below which `fraction` of the pixels lie. */
const quantile = (f: DecodedFrame, fraction: number): number => Float64Array.from(f.data).sort()[Math.floor(fraction * f.data.length)]!;

const base = chest();
const MAX = 4095;

describe('assessQuality on synthetic chests', () => {
  it('finds nothing wrong with chests of any seed, photometric interpretation and bit depth', () => {
    for (const [seed, bitsStored] of [[1, 8], [2, 10], [3, 12], [4, 16], [5, 12], [6, 14]] as const) {
      for (const photometricInterpretation of ['MONOCHROME1', 'MONOCHROME2'] as const) {
        const { findings, measures } = assessQuality(chest({ seed, bitsStored, photometricInterpretation }));
        assert.deepEqual(findings, [], `seed ${seed}, ${bitsStored} bits, ${photometricInterpretation}`);
        assert.ok(measures.inversion < -0.2 && measures.spreadFraction > 0.5);
      }
    }
  });

  it('finds nothing wrong with signed data', () => {
    const signed: DecodedFrame = { ...base, signed: true, data: Int16Array.from(base.data, (v) => v - 2048) };
    assert.deepEqual(assessQuality(signed).findings, []);
  });

  it('calls a constant image blank, and nothing else, wherever the constant lies', () => {
    for (const value of [0, 2000, MAX]) assert.deepEqual(codes(withPixels(base, () => value)), ['BLANK_IMAGE'], `constant ${value}`);
  });

  it('calls a constant image with a little noise blank', () => {
    const noisy = withPixels(base, (_, i) => 2000 + (((i * 2654435761) >>> 0) % 5) - 2);
    const { findings } = assessQuality(noisy);
    assert.deepEqual(findings.map((x) => x.code), ['BLANK_IMAGE']);
    assert.match(findings[0]!.detail, /^robust spread p99 - p1 is [\d.]+% of the Bits Stored range \(limit 0\.5%\)$/);
  });

  it('calls an image burnt out over most of it saturated', () => {
    // 70% of the pixels clipped at the maximum, the rest shifted up below it.
    const cut = quantile(base, 0.3);
    const { findings } = assessQuality(withPixels(base, (v) => (v >= cut ? MAX : v + MAX - cut)));
    assert.deepEqual(findings.map((x) => x.code), ['SATURATED']);
    assert.match(findings[0]!.detail, /of the ends of the image's range \(limit 60%\); 7\d\.\d% of pixels clipped within 1% of the Bits Stored maximum 4095 \(limit 40%\)$/);
  });

  it('calls an image with 45% of its pixels clipped at the maximum saturated (a MONOCHROME1 chest, lungs burnt out)', () => {
    const mono1 = chest({ photometricInterpretation: 'MONOCHROME1' });
    const cut = quantile(mono1, 0.55);
    const burnt = withPixels(mono1, (v) => (v >= cut ? MAX : v));
    const { findings, measures } = assessQuality(burnt);
    assert.deepEqual(findings.map((x) => x.code), ['SATURATED']);
    assert.ok(measures.nearImageMin + measures.nearImageMax < DEFAULT_QUALITY_THRESHOLDS.saturatedFraction, 'only the clipping check fires');
    assert.deepEqual(codes(burnt, { clippedFraction: 0.5 }), []);
  });

  it('counts clipping at full resolution, where box averages would hide it', () => {
    // six pixels of seven clipped, scattered: no 11x11 block average reaches the maximum
    assert.deepEqual(codes(withPixels(base, (v, i) => (i % 7 === 0 ? v : MAX))), ['SATURATED']);
  });

  it('sends an image squeezed into a narrow band of values for review, and calls it blank under a stricter limit', () => {
    const squeezed = withPixels(base, (v) => Math.round(2048 + (v - 2048) * 0.02));
    const { findings, measures } = assessQuality(squeezed);
    assert.deepEqual(findings.map((x) => x.code), ['LOW_DYNAMIC_RANGE']);
    assert.ok(measures.spreadFraction > 0.01 && measures.spreadFraction < 0.02, String(measures.spreadFraction));
    assert.match(findings[0]!.detail, /\(limit 3%\)$/);
    assert.deepEqual(codes(squeezed, { blankSpread: 0.025 }), ['BLANK_IMAGE']);
    assert.deepEqual(codes(squeezed, { lowDynamicRange: 0.01 }), []);
  });

  it('suspects inversion when the photometric interpretation is flipped or the values are inverted', () => {
    for (const photometricInterpretation of ['MONOCHROME1', 'MONOCHROME2'] as const) {
      const frame = chest({ photometricInterpretation });
      const { findings, measures } = assessQuality(flipped(frame));
      assert.deepEqual(findings.map((x) => x.code), ['INVERTED_SUSPECT'], photometricInterpretation);
      assert.ok(measures.inversion > 0.3);
      assert.match(findings[0]!.detail, /^inversion score 0\.\d\d \(limit 0\.2\): shown as MONOCHROME[12], both lung fields/);
      assert.deepEqual(codes(withPixels(frame, (v) => MAX - v)), ['INVERTED_SUSPECT']);
      assert.deepEqual(codes(flipped(frame), { inversionScore: 0.7 }), []);
    }
  });

  it('does not judge inversion outside MONOCHROME1 and MONOCHROME2', () => {
    const palette = { ...flipped(base), photometricInterpretation: 'PALETTE COLOR' };
    assert.equal(assessQuality(palette).measures.inversion, 0);
  });

  it('keeps the default for a threshold given as undefined', () => {
    assert.deepEqual(codes(flipped(base), { inversionScore: undefined }), ['INVERTED_SUSPECT']);
  });
});
