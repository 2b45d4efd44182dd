import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWindow, windowPresets } from './window-presets.js';
import type { PixelImage } from './types.js';

/** 1000 samples, the values 0..999 once each (in a scrambled order): value percentile q is ceil(q% * 1000) - 1. */
function uniform(o: { monochrome1?: boolean; offset?: number } = {}): PixelImage {
  const samples = Uint16Array.from({ length: 1000 }, (_, i) => (i * 337) % 1000);
  return { id: 1, width: 40, height: 25, bitsStored: 10, monochrome1: o.monochrome1 ?? false, offset: o.offset ?? 0, min: 0, max: 999, samples };
}

const byName = (p: { name: string; center: number; width: number }[]) => Object.fromEntries(p.map((w) => [w.name, { center: w.center, width: w.width }]));

describe('windowPresets', () => {
  it('MONOCHROME2: attenuation percentiles are value percentiles', () => {
    const p = byName(windowPresets(uniform(), []));
    // Lung 2..65 -> values 19..649 -> centre (19 + 649) / 2 + 0.5, width 649 - 19 + 1
    assert.deepEqual(p['Lung'], { center: 334.5, width: 631 });
    // Mediastinum 35..99.5 -> 349..994
    assert.deepEqual(p['Mediastinum'], { center: 672, width: 646 });
    // Bone 8..45 -> 79..449
    assert.deepEqual(p['Bone'], { center: 264.5, width: 371 });
    assert.deepEqual(p['Full range'], { center: 500, width: 1000 });
  });
  it('MONOCHROME1: dense tissue has the low values, so the ranges flip', () => {
    const p = byName(windowPresets(uniform({ monochrome1: true }), []));
    // Lung 2..65 -> value percentiles 35..98 -> 349..979
    assert.deepEqual(p['Lung'], { center: 664.5, width: 631 });
    // Bone 8..45 -> value percentiles 55..92 -> 549..919
    assert.deepEqual(p['Bone'], { center: 734.5, width: 371 });
  });
  it('answers modality units (sample - offset)', () => {
    const p = byName(windowPresets(uniform({ offset: 1024 }), []));
    assert.deepEqual(p['Lung'], { center: 334.5 - 1024, width: 631 });
    assert.deepEqual(p['Full range'], { center: 500 - 1024, width: 1000 });
  });
  it('puts the header windows first, named, widths of at least 1; the presets differ from each other', () => {
    const list = windowPresets(uniform(), [{ name: 'LUNG (header)', center: 300, width: 500 }, { name: '', center: 10, width: 0.5 }]);
    assert.deepEqual(list.map((w) => [w.name, w.source]), [
      ['LUNG (header)', 'header'], ['Header 2', 'header'], ['Lung', 'preset'], ['Mediastinum', 'preset'], ['Bone', 'preset'], ['Full range', 'data'],
    ]);
    assert.equal(list[1]!.width, 1);
    const keys = new Set(list.map((w) => `${w.center}/${w.width}`));
    assert.equal(keys.size, list.length);
  });
});

describe('defaultWindow', () => {
  it("is the header's first window", () => {
    assert.deepEqual(defaultWindow(uniform(), [{ name: 'A', center: 40, width: 400 }, { name: 'B', center: 1, width: 2 }]), { center: 40, width: 400 });
  });
  it('else the robust data window (percentiles 0.5 .. 99.5), not min/max', () => {
    // 0.5% -> 4, 99.5% -> 994
    assert.deepEqual(defaultWindow(uniform(), []), { center: 499.5, width: 991 });
    assert.deepEqual(defaultWindow(uniform({ offset: 100 }), []), { center: 399.5, width: 991 });
  });
});
