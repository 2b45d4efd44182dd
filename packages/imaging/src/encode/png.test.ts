// Our PNG encoder checked by an independent decoder: Pillow must read back exactly our samples.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SKIP_WITHOUT_REFERENCE, runPythonReference } from '../internal/python-reference.js';
import { encodePng, type PngImage } from './png.js';

function pattern(n: number, max: number, seed: number): number[] {
  // Smooth gradient plus a little jitter, so rows differ and the Up filter's wrap-around is used.
  return Array.from({ length: n }, (_, i) => Math.floor(((i * 7919 + seed * 104729) % 9973) / 9973 * max) ^ (i & 3));
}

const CASES: Array<{ name: string; image: PngImage; level?: number }> = [
  { name: 'grey8', image: { width: 37, height: 23, channels: 1, data: Uint8Array.from(pattern(37 * 23, 255, 1)) } },
  { name: 'grey8-one-row', image: { width: 5, height: 1, channels: 1, data: Uint8Array.from([0, 255, 1, 254, 128]) } },
  { name: 'rgb8', image: { width: 19, height: 11, channels: 3, data: Uint8Array.from(pattern(19 * 11 * 3, 255, 2)) } },
  { name: 'grey16', image: { width: 31, height: 17, channels: 1, data: Uint16Array.from(pattern(31 * 17, 65535, 3)) } },
  { name: 'grey16-extremes', image: { width: 4, height: 2, channels: 1, data: Uint16Array.from([0, 65535, 256, 255, 1, 65280, 4095, 32768]) } },
  { name: 'grey8-level9', image: { width: 64, height: 64, channels: 1, data: Uint8Array.from(pattern(64 * 64, 255, 4)) }, level: 9 },
];

const READ = `
import json, sys, numpy as np
from PIL import Image
out = {}
for c in json.load(sys.stdin):
    im = Image.open(c['path'])
    im.load()
    a = np.array(im)
    out[c['name']] = {'mode': im.mode, 'size': list(im.size), 'values': a.astype(np.int64).ravel().tolist()}
print(json.dumps(out))
`;

describe('encodePng', () => {
  it('writes PNGs Pillow reads back sample for sample', { skip: SKIP_WITHOUT_REFERENCE }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-png-'));
    const jobs = CASES.map((c) => {
      const path = join(dir, `${c.name}.png`);
      writeFileSync(path, encodePng(c.image, { level: c.level }));
      return { name: c.name, path };
    });
    const read = runPythonReference<Record<string, { mode: string; size: number[]; values: number[] }>>(READ, jobs);
    for (const c of CASES) {
      const r = read[c.name]!;
      assert.deepEqual(r.size, [c.image.width, c.image.height], c.name);
      assert.equal(r.mode, c.image.channels === 3 ? 'RGB' : c.image.data instanceof Uint16Array ? (r.mode === 'I;16' ? 'I;16' : 'I') : 'L', c.name);
      assert.deepEqual(r.values, Array.from(c.image.data), c.name);
    }
  });

  it('says when the samples do not fill the image', () => {
    assert.throws(() => encodePng({ width: 4, height: 4, channels: 1, data: new Uint8Array(15) }), /needs 16 samples, got 15/);
    assert.throws(() => encodePng({ width: 2, height: 2, channels: 3, data: new Uint16Array(12) }), /16-bit PNG output is for grey images/);
  });

  it('starts with the PNG signature and an IHDR giving size, depth and colour type', () => {
    const png = encodePng({ width: 300, height: 2, channels: 1, data: new Uint16Array(600) });
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    assert.equal(view.getUint32(16), 300);
    assert.equal(view.getUint32(20), 2);
    assert.deepEqual([png[24], png[25]], [16, 0]);
  });
});
