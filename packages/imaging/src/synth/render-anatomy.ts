import type { ChestGeometry } from './chest-geometry.js';
import { D_SCALE, D_STEPS, PROFILE_STEPS, RIB_SCALE, RIB_STEPS, Y_MIN, Y_SCALE, Y_STEPS, chestTables, type LungTables } from './chest-tables.js';

/** Maps anatomical coordinates (D signed from the midline, Y down) to pixels of a grid and back. */
export interface Frame {
  rows: number;
  columns: number;
  centerX: number;
  centerY: number;
  cos: number;
  sin: number;
}

export function frameFor(g: ChestGeometry, rows: number, columns: number): Frame {
  return { rows, columns, centerX: g.centerX * columns, centerY: rows / 2, cos: Math.cos(g.tilt), sin: Math.sin(g.tilt) };
}

/** The pixel (x, y) at anatomical (d, y). */
export function toPixel(f: Frame, d: number, y: number): [number, number] {
  const u = d * f.columns;
  const v = (y - 0.5) * f.rows;
  return [u * f.cos - v * f.sin + f.centerX - 0.5, u * f.sin + v * f.cos + f.centerY - 0.5];
}

export interface Anatomy {
  /** Attenuation along each ray (higher: less exposure, whiter in MONOCHROME2). */
  attenuation: Float32Array;
  /** Lung air along each ray, 0 outside the lungs. */
  air: Float32Array;
}

const ARM_RADIUS = 0.07;
/** Humeral shaft half width, as a fraction of the arm's. */
const HUMERUS = 0.33;

const clampIndex = (i: number, n: number): number => (i < 0 ? 0 : i >= n ? n - 1 : i);

/**
 * Renders body, lungs, mediastinum and heart, spine, ribs, clavicles and arms as
 * attenuation on a `rows` x `columns` grid, from per-Y and per-D tables.
 */
export function renderAnatomy(g: ChestGeometry, rows: number, columns: number): Anatomy {
  const t = chestTables(g);
  const f = frameFor(g, rows, columns);
  const attenuation = new Float32Array(rows * columns);
  const air = new Float32Array(rows * columns);
  const invC = 1 / columns;
  const invR = 1 / rows;
  const headD = g.shoulderHalfWidth - 0.03;
  const headY = g.shoulderY + 0.01;
  const headR = 0.042;
  const bubble = bubbleAt(g, t.left);
  const { anteriorEnvelope, anteriorRibs, anteriorShift, bodyHalfWidth, boneProfile, clavicleHalfThickness, clavicleY, left, lungProfile, posteriorEnvelope, posteriorRibs, posteriorShift, right, spineHalfWidth, thickness, vertebrae } = t;
  for (let y = 0; y < rows; y++) {
    const dy = y + 0.5 - f.centerY;
    for (let x = 0; x < columns; x++) {
      const dx = x + 0.5 - f.centerX;
      const d = (dx * f.cos + dy * f.sin) * invC;
      const yy = (dy * f.cos - dx * f.sin) * invR + 0.5;
      const iy = clampIndex(((yy - Y_MIN) * Y_SCALE) | 0, Y_STEPS);
      const ad = d < 0 ? -d : d;
      const id = clampIndex((ad * D_SCALE) | 0, D_STEPS);
      const q = ad / bodyHalfWidth[iy]!;
      let soft = 0;
      let lungAir = 0;
      let bone = 0;
      let gas = 0;
      if (q < 1) {
        soft = thickness[iy]! * Math.sqrt(1 - q * q);
        const lung = d < 0 ? right : left;
        const lat = lung.lateral[iy]!;
        const dome = lung.dome[id]!;
        if (lat > 0 && yy < dome) {
          const med = lung.medial[iy]!;
          const edge = Math.min(1, (dome - yy) * 150);
          if (ad > med && ad < lat) {
            lungAir = lungProfile[(((ad - med) / (lat - med)) * PROFILE_STEPS) | 0]! * lung.taper[iy]! * edge;
          } else if (ad <= med && ad > lung.base[iy]!) {
            const base = lung.base[iy]!;
            lungAir = 0.15 * ((ad - base) / (med - base)) * edge;
          }
        }
        if (bubble && d > 0) {
          const bx = (ad - bubble.d) / bubble.rx;
          const by = (yy - bubble.y) / bubble.ry;
          if (by < 0 && bx * bx + by * by < 1) gas = 0.35 * Math.sqrt(1 - bx * bx - by * by);
        }
        // Trachea: an air column down the upper mediastinum to the carina.
        if (ad < 0.02 && yy < g.carinaY) {
          const r = ad / 0.02;
          soft -= 0.2 * Math.sqrt(1 - r * r) * Math.min(1, (g.carinaY - yy) * 30);
        }
        if (q < 0.98) {
          const fade = q > 0.9 ? (0.98 - q) / 0.08 : 1;
          const ip = clampIndex(((yy - posteriorShift[id]! - Y_MIN) * RIB_SCALE) | 0, RIB_STEPS);
          const ia = clampIndex(((yy - anteriorShift[id]! - Y_MIN) * RIB_SCALE) | 0, RIB_STEPS);
          // Ribs show best against the lungs; scatter and processing flatten them elsewhere.
          const seen = lungAir > 0.3 ? 1 : 0.4 + 2 * lungAir;
          bone += (posteriorRibs[ip]! * posteriorEnvelope[id]! + 0.35 * anteriorRibs[ia]! * anteriorEnvelope[id]! * seen) * fade * seen;
        }
        const ht = clavicleHalfThickness[id]!;
        if (ht > 0) {
          const tc = (yy - clavicleY[id]!) / ht;
          if (tc > -1 && tc < 1) bone += 1.2 * boneProfile[(((tc + 1) / 2) * PROFILE_STEPS) | 0]!;
        }
        const hs = spineHalfWidth[iy]!;
        if (ad < hs) {
          const r = ad / hs;
          bone += 0.5 * Math.sqrt(1 - r * r) * vertebrae[iy]!;
        }
      }
      // Arms beside the chest, each with its humerus and the humeral head at the shoulder.
      if (yy > headY - headR) {
        const armD = headD + 0.3 * (yy - headY);
        const u = (ad - armD) / ARM_RADIUS;
        if (u > -1 && u < 1) {
          soft = Math.max(soft, 0.6 * Math.sqrt(1 - u * u));
          const hy = (yy - headY) / headR;
          const hx = (ad - headD) / headR;
          const r2 = hx * hx + hy * hy;
          if (r2 < 1) bone += 1.2 * boneProfile[((0.5 + 0.5 * Math.sqrt(r2)) * PROFILE_STEPS) | 0]!;
          else if (hy > 0 && u > -HUMERUS && u < HUMERUS) bone += 1.2 * boneProfile[((0.5 + (0.5 * u) / HUMERUS) * PROFILE_STEPS) | 0]!;
        }
      }
      const i = y * columns + x;
      attenuation[i] = g.softTissue * soft - g.lungAir * (lungAir + gas) + g.bone * bone;
      air[i] = lungAir;
    }
  }
  return { attenuation, air };
}

/** The gastric air bubble under the left dome (an ellipse cut flat by the fluid level), if any. */
function bubbleAt(g: ChestGeometry, left: LungTables): { d: number; y: number; rx: number; ry: number } | undefined {
  if (!g.gastricBubble) return undefined;
  const d = g.left.domeD * 0.8;
  return { d, y: left.dome[Math.min(D_STEPS - 1, Math.round(d * D_SCALE))]! + 0.05, rx: 0.05, ry: 0.03 };
}
