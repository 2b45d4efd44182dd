import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBoxLines, parseColor, VERTEX_BYTES, VERTICES_PER_BOX } from './box-lines.js';

/** The vertices of a built buffer, decoded. */
function decode(buffer: ArrayBuffer) {
  const f32 = new Float32Array(buffer);
  const i8 = new Int8Array(buffer);
  const u8 = new Uint8Array(buffer);
  const out: { x: number; y: number; sx: number; sy: number; rgba: number[] }[] = [];
  for (let o = 0; o < buffer.byteLength; o += VERTEX_BYTES) {
    out.push({ x: f32[o / 4]!, y: f32[o / 4 + 1]!, sx: i8[o + 8]!, sy: i8[o + 9]!, rgba: [...u8.subarray(o + 12, o + 16)] });
  }
  return out;
}

/** Where a vertex lands on screen for a view (scale, origin) and a half width h, as the vertex shader computes. */
const screen = (v: { x: number; y: number; sx: number; sy: number }, scale: number, ox: number, oy: number, h: number) => [ox + v.x * scale + v.sx * h, oy + v.y * scale + v.sy * h];

/** Twice the signed area of a triangle. */
const area2 = (a: number[], b: number[], c: number[]) => (b[0]! - a[0]!) * (c[1]! - a[1]!) - (c[0]! - a[0]!) * (b[1]! - a[1]!);

describe('parseColor', () => {
  it('reads #rgb, #rrggbb and #rrggbbaa, scales alpha, falls back to white', () => {
    assert.deepEqual(parseColor('#ff6b6b'), [255, 107, 107, 255]);
    assert.deepEqual(parseColor('#0f8'), [0, 255, 136, 255]);
    assert.deepEqual(parseColor('#00000080'), [0, 0, 0, 128]);
    assert.deepEqual(parseColor('#ffffff', 0.5), [255, 255, 255, 128]);
    assert.deepEqual(parseColor('red'), [255, 255, 255, 255]);
  });
});

describe('buildBoxLines', () => {
  it('writes 24 vertices per box, on the box corners, with the colour', () => {
    const buf = buildBoxLines([{ xMin: 10, yMin: 20, xMax: 110, yMax: 70, color: '#4dabf7' }, { xMin: 0, yMin: 0, xMax: 5, yMax: 5, color: '#ff0000', alpha: 0.5 }]);
    assert.equal(buf.byteLength, 2 * VERTICES_PER_BOX * VERTEX_BYTES);
    const v = decode(buf);
    for (const p of v.slice(0, 24)) {
      assert.ok(p.x === 10 || p.x === 110);
      assert.ok(p.y === 20 || p.y === 70);
      assert.ok(Math.abs(p.sx) === 1 && Math.abs(p.sy) === 1);
      assert.deepEqual(p.rgba, [0x4d, 0xab, 0xf7, 255]);
    }
    assert.deepEqual(v[24]!.rgba, [255, 0, 0, 128]);
  });

  it('covers exactly the stroke ring: the outer rectangle minus the inner one, at any view', () => {
    const box = { xMin: 10, yMin: 20, xMax: 110, yMax: 70, color: '#ffffff' };
    const v = decode(buildBoxLines([box]));
    for (const [scale, ox, oy, h] of [[1, 0, 0, 0.75], [0.37, 120, -40, 1.75], [4, -300, 25, 1]] as const) {
      const tris: number[][][] = [];
      for (let t = 0; t < 8; t++) tris.push([0, 1, 2].map((k) => screen(v[t * 3 + k]!, scale, ox, oy, h)));
      // the ring's area: outer minus inner rectangle
      const [x0, y0, x1, y1] = [ox + box.xMin * scale, oy + box.yMin * scale, ox + box.xMax * scale, oy + box.yMax * scale];
      const ring = (x1 - x0 + 2 * h) * (y1 - y0 + 2 * h) - (x1 - x0 - 2 * h) * (y1 - y0 - 2 * h);
      const total = tris.reduce((s, [a, b, c]) => s + Math.abs(area2(a!, b!, c!)) / 2, 0);
      assert.ok(Math.abs(total - ring) < 1e-6 * ring, `${total} vs ${ring}`);
      // every vertex lies on the outer or the inner rectangle
      for (const tri of tris) for (const [x, y] of tri) {
        const onX = [x0 - h, x0 + h, x1 - h, x1 + h].some((e) => Math.abs(e - x!) < 1e-9);
        const onY = [y0 - h, y0 + h, y1 - h, y1 + h].some((e) => Math.abs(e - y!) < 1e-9);
        assert.ok(onX && onY);
      }
    }
  });

  it('normalises reversed corners and builds an empty buffer for no boxes', () => {
    const v = decode(buildBoxLines([{ xMin: 50, yMin: 60, xMax: 10, yMax: 20, color: '#fff' }]));
    assert.equal(Math.min(...v.map((p) => p.x)), 10);
    assert.equal(Math.max(...v.map((p) => p.y)), 60);
    assert.equal(buildBoxLines([]).byteLength, 0);
  });
});
