import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VINDR_CXR_SCHEMA, localLabels } from '@cxrlab/dataset';
import { LABEL_PALETTE, READER_PALETTE, labelColor, labelColors, readerColor } from './label-colors.js';

function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('label colours', () => {
  it('at least 22 distinct colours, each readable on the dark theme (contrast >= 4.5)', () => {
    assert.ok(LABEL_PALETTE.length >= 22);
    assert.equal(new Set(LABEL_PALETTE.map((c) => c.toLowerCase())).size, LABEL_PALETTE.length);
    for (const c of [...LABEL_PALETTE, ...READER_PALETTE]) assert.ok(contrast(c, '#0b0d10') >= 4.5, `${c}: ${contrast(c, '#0b0d10')}`);
  });

  it('a label gets the colour of its place in the schema; VinDr-CXR local labels all differ', () => {
    const names = localLabels(VINDR_CXR_SCHEMA).map((l) => l.name);
    assert.equal(names.length, 22);
    names.forEach((n, i) => assert.equal(labelColor(n, names), LABEL_PALETTE[i]));
    assert.equal(new Set(names.map((n) => labelColor(n, names))).size, 22);
    const of = labelColors(names);
    assert.equal(of('Nodule/Mass'), labelColor('Nodule/Mass', names));
  });

  it('a label outside the list gets a stable colour from the palette', () => {
    assert.equal(labelColor('Something else'), labelColor('Something else', ['A']));
    assert.ok(LABEL_PALETTE.includes(labelColor('Something else')));
  });

  it('readerColor(0) is R1, distinct for 8 readers, cycling after', () => {
    const eight = [0, 1, 2, 3, 4, 5, 6, 7].map(readerColor);
    assert.equal(new Set(eight).size, 8);
    assert.equal(readerColor(8), readerColor(0));
    assert.equal(readerColor(0), READER_PALETTE[0]);
  });
});
