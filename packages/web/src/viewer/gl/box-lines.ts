// The committed boxes' outlines as one vertex buffer for the image pass (box-renderer.ts): each box is a ring
// of 8 triangles (its stroke) whose corners are in image px plus a screen-px extrusion sign, so the vertex
// shader applies the same view as the image and strokes of a fixed screen width: pan, zoom and W/L redraw 500
// boxes with one draw call and no CPU work per frame. Rebuilt only when the boxes change.
//
// Why in WebGL and not on a 2D canvas: a 2D canvas must be re-rasterised (500 rect strokes) and re-uploaded to
// the compositor on every pan/zoom frame; on a real GPU Chrome rasterises it on the GPU (fast, but still a
// second surface composited per frame), and on software GL (SwiftShader) that raster dominated the frame. Here
// the lines cost a few thousand vertices in the draw the image needs anyway, on any GPU.
import type { BoxOutline } from '../types.js';

/** Bytes per vertex: x, y (float32 image px), sx, sy (int8 extrusion sign), r, g, b, a (uint8). */
export const VERTEX_BYTES = 16;
/** Vertices per box: 8 triangles. */
export const VERTICES_PER_BOX = 24;

/** '#rgb', '#rrggbb' or '#rrggbbaa' to RGBA bytes (alpha multiplied by `alpha`); white when unparsable. */
export function parseColor(color: string, alpha = 1): [number, number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim())?.[1];
  if (!hex) return [255, 255, 255, Math.round(255 * alpha)];
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const byte = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
  const a = full.length === 8 ? byte(3) : 255;
  return [byte(0), byte(1), byte(2), Math.round(a * Math.max(0, Math.min(1, alpha)))];
}

// The ring's 8 corners: outer (extruded outwards) 0-3, inner (extruded inwards) 4-7, clockwise from top left.
// Corner c of the box: x from xMin (0) or xMax (1), y likewise.
const CORNER_X = [0, 1, 1, 0, 0, 1, 1, 0];
const CORNER_Y = [0, 0, 1, 1, 0, 0, 1, 1];
const SIGN_X = [-1, 1, 1, -1, 1, -1, -1, 1];
const SIGN_Y = [-1, -1, 1, 1, 1, 1, -1, -1];
/** The 8 triangles of the ring (4 edges x 2). */
const RING = [0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4, 7];

/** The interleaved vertex data of `boxes` (VERTICES_PER_BOX vertices each, in order). */
export function buildBoxLines(boxes: readonly BoxOutline[]): ArrayBuffer {
  const buffer = new ArrayBuffer(boxes.length * VERTICES_PER_BOX * VERTEX_BYTES);
  const f32 = new Float32Array(buffer);
  const i8 = new Int8Array(buffer);
  const u8 = new Uint8Array(buffer);
  const colors = new Map<string, [number, number, number, number]>();
  let v = 0;
  for (const b of boxes) {
    const key = `${b.color}|${b.alpha ?? 1}`;
    let rgba = colors.get(key);
    if (!rgba) colors.set(key, (rgba = parseColor(b.color, b.alpha ?? 1)));
    const x0 = Math.min(b.xMin, b.xMax);
    const x1 = Math.max(b.xMin, b.xMax);
    const y0 = Math.min(b.yMin, b.yMax);
    const y1 = Math.max(b.yMin, b.yMax);
    for (const c of RING) {
      const o = v * VERTEX_BYTES;
      f32[o / 4] = CORNER_X[c] ? x1 : x0;
      f32[o / 4 + 1] = CORNER_Y[c] ? y1 : y0;
      i8[o + 8] = SIGN_X[c]!;
      i8[o + 9] = SIGN_Y[c]!;
      u8[o + 12] = rgba[0];
      u8[o + 13] = rgba[1];
      u8[o + 14] = rgba[2];
      u8[o + 15] = rgba[3];
      v++;
    }
  }
  return buffer;
}
