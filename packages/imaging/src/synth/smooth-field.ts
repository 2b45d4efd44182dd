import type { Random } from './seeded-random.js';

/**
 * A smooth random field in [-1, 1]: random values on a lattice of `cellsY` x `cellsX` cells spanning
 * the image, interpolated with smoothstep weights (value noise). Few cells give slow exposure
 * variation; many give texture.
 */
export function smoothField(rows: number, columns: number, cellsY: number, cellsX: number, rnd: Random): Float32Array {
  const gx = cellsX + 1;
  const lattice = new Float32Array((cellsY + 1) * gx);
  for (let i = 0; i < lattice.length; i++) lattice[i] = rnd() * 2 - 1;
  const x0 = new Int32Array(columns);
  const wx = new Float32Array(columns);
  for (let x = 0; x < columns; x++) {
    const f = Math.min(cellsX - 1e-6, (x / Math.max(1, columns - 1)) * cellsX);
    x0[x] = Math.floor(f);
    wx[x] = smoothstep01(f - x0[x]!);
  }
  const out = new Float32Array(rows * columns);
  for (let y = 0; y < rows; y++) {
    const f = Math.min(cellsY - 1e-6, (y / Math.max(1, rows - 1)) * cellsY);
    const cy = Math.floor(f);
    const wy = smoothstep01(f - cy);
    const top = cy * gx;
    const bottom = top + gx;
    const o = y * columns;
    for (let x = 0; x < columns; x++) {
      const i = x0[x]!;
      const w = wx[x]!;
      const a = lattice[top + i]! + (lattice[top + i + 1]! - lattice[top + i]!) * w;
      const b = lattice[bottom + i]! + (lattice[bottom + i + 1]! - lattice[bottom + i]!) * w;
      out[o + x] = a + (b - a) * wy;
    }
  }
  return out;
}

export function smoothstep01(t: number): number {
  const c = t < 0 ? 0 : t > 1 ? 1 : t;
  return c * c * (3 - 2 * c);
}

/** 0 below `edge0`, 1 above `edge1`, smooth in between. */
export function smoothstep(edge0: number, edge1: number, x: number): number {
  return smoothstep01((x - edge0) / (edge1 - edge0));
}
