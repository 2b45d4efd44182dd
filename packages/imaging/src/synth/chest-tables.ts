import type { ChestGeometry, LungShape } from './chest-geometry.js';
import { smoothstep } from './smooth-field.js';

/** Lookup tables over Y (down the image) and D (distance from the midline), so the per-pixel loop only indexes. */
export const Y_MIN = -0.3;
export const Y_STEPS = 4096;
export const Y_SCALE = Y_STEPS / 1.6;
export const D_STEPS = 2048;
export const D_SCALE = D_STEPS / 0.8;
export const RIB_STEPS = 8192;
export const RIB_SCALE = RIB_STEPS / 1.6;
export const PROFILE_STEPS = 256;

export interface LungTables {
  /** Lateral and medial lung borders per Y (lateral < 0: no lung on this row). */
  lateral: Float32Array;
  medial: Float32Array;
  /** Mediastinal border without the heart bulge (air behind the heart lies between the two). */
  base: Float32Array;
  taper: Float32Array;
  /** Diaphragm dome: the lowest Y of the lung per D. */
  dome: Float32Array;
}

export interface ChestTables {
  bodyHalfWidth: Float32Array;
  thickness: Float32Array;
  spineHalfWidth: Float32Array;
  vertebrae: Float32Array;
  right: LungTables;
  left: LungTables;
  /** Air across a lung, from its medial (0) to its lateral (1) border. */
  lungProfile: Float32Array;
  /** A bone seen edge on: thin cortex brighter than the marrow, over t in [-1, 1]. */
  boneProfile: Float32Array;
  posteriorRibs: Float32Array;
  anteriorRibs: Float32Array;
  posteriorShift: Float32Array;
  anteriorShift: Float32Array;
  posteriorEnvelope: Float32Array;
  anteriorEnvelope: Float32Array;
  clavicleY: Float32Array;
  clavicleHalfThickness: Float32Array;
}

const yAt = (i: number): number => Y_MIN + i / Y_SCALE;
const dAt = (i: number): number => i / D_SCALE;
function table(n: number, f: (i: number) => number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}
/** Rises like a quarter circle from 0 at k = 0 to 1 at k = 1. */
const arc = (k: number): number => (k <= 0 ? 0 : k >= 1 ? 1 : Math.sqrt(1 - (1 - k) * (1 - k)));

function heartShape(t: number): number {
  if (t <= 0 || t >= 1.4) return 0;
  if (t < 0.7) return Math.pow(Math.sin((Math.PI / 2) * (t / 0.7)), 0.7);
  return Math.max(0, 1 - 0.5 * ((t - 0.7) / 0.3) ** 2);
}

function lungTables(g: ChestGeometry, lung: LungShape, isLeft: boolean, bodyHalfWidth: Float32Array): LungTables {
  const lateral = new Float32Array(Y_STEPS);
  const medial = new Float32Array(Y_STEPS);
  const base = new Float32Array(Y_STEPS);
  const taper = new Float32Array(Y_STEPS);
  for (let i = 0; i < Y_STEPS; i++) {
    const y = yAt(i);
    if (y <= lung.apexY || y > lung.domeY + lung.domeDepth + 0.05) {
      lateral[i] = -1;
      continue;
    }
    const wall = bodyHalfWidth[i]! - 0.035;
    const lat = lung.apexD + (lung.lateralD - lung.apexD) * arc((y - lung.apexY) / 0.2) + 0.035 * smoothstep(0.25, 0.7, y);
    const med0 = lung.apexD - (lung.apexD - lung.medialD) * arc((y - lung.apexY) / 0.1);
    const knob = isLeft ? g.aorticKnobD * Math.exp(-(((y - g.aorticKnobY) / 0.04) ** 2)) : 0;
    const heart = lung.heartD * heartShape((y - lung.heartTop) / (lung.heartBottom - lung.heartTop));
    lateral[i] = Math.min(lat, wall);
    base[i] = med0 + knob;
    medial[i] = med0 + Math.max(knob, heart);
    taper[i] = 0.35 + 0.65 * smoothstep(lung.apexY, lung.apexY + 0.1, y);
  }
  const dome = table(D_STEPS, (i) => {
    const d = dAt(i);
    if (d >= lung.domeD) return lung.domeY + lung.domeDepth * ((d - lung.domeD) / (lung.lateralD - lung.domeD)) ** 2;
    return lung.domeY + 0.035 * ((lung.domeD - d) / (lung.domeD - lung.medialD)) ** 2;
  });
  return { lateral, medial, base, taper, dome };
}

function ribTable(g: ChestGeometry, halfThickness: number, offset: number): Float32Array {
  const out = new Float32Array(RIB_STEPS);
  let centre = g.ribFirstY + offset;
  for (let k = 0; k < 12; k++) {
    const h = halfThickness * (0.8 + 0.02 * k);
    const lo = Math.max(0, Math.floor((centre - h - Y_MIN) * RIB_SCALE));
    const hi = Math.min(RIB_STEPS - 1, Math.ceil((centre + h - Y_MIN) * RIB_SCALE));
    for (let i = lo; i <= hi; i++) {
      const t = (Y_MIN + i / RIB_SCALE - centre) / h;
      if (t > -1 && t < 1) out[i] = Math.max(out[i]!, boneAt(t));
    }
    centre += g.ribSpacing + k * g.ribSpacingGrowth;
  }
  return out;
}

function boneAt(t: number): number {
  return 0.6 * Math.sqrt(Math.max(0, 1 - t * t)) + 0.5 * Math.exp(-(((Math.abs(t) - 0.86) / 0.1) ** 2));
}

export function chestTables(g: ChestGeometry): ChestTables {
  const chestHalfWidth = g.waistHalfWidth + 0.015;
  const bodyHalfWidth = table(Y_STEPS, (i) => {
    const y = yAt(i);
    const shoulders = g.neckHalfWidth + (g.shoulderHalfWidth - g.neckHalfWidth) * arc((y - g.shoulderY + 0.1) / 0.14);
    const chest = shoulders + (chestHalfWidth - shoulders) * smoothstep(g.shoulderY + 0.04, g.shoulderY + 0.25, y);
    return chest + (g.waistHalfWidth - chestHalfWidth) * smoothstep(0.6, 1.1, y);
  });
  const thickness = table(Y_STEPS, (i) => 0.55 + 0.45 * smoothstep(g.shoulderY - 0.06, g.shoulderY + 0.12, yAt(i)) + 0.05 * smoothstep(0.55, 0.9, yAt(i)));
  const spineHalfWidth = table(Y_STEPS, (i) => g.spineHalfWidth * (0.8 + 0.35 * Math.min(1.2, Math.max(0, yAt(i)))));
  const vertebrae = table(Y_STEPS, (i) => {
    const phase = (yAt(i) - g.ribFirstY) / g.vertebraHeight;
    const f = phase - Math.floor(phase);
    return 1 - 0.25 * Math.exp(-(((f - 0.5) / 0.1) ** 2)) + 0.1 * Math.exp(-(((Math.abs(f - 0.5) - 0.38) / 0.05) ** 2));
  });
  // Posterior ribs rise a little from the spine, then arc laterally and down; anterior ribs
  // descend from the lateral wall towards the sternum, fainter, meeting their posterior rib laterally.
  const lateralRef = (g.right.lateralD + g.left.lateralD) / 2;
  const b = g.ribDrop / 0.7;
  const posteriorShift = table(D_STEPS, (i) => {
    const q = Math.min(1.3, dAt(i) / lateralRef);
    return b * (q * q - 0.3 * q);
  });
  const lateralDrop = 0.7 * b;
  const anteriorShift = table(D_STEPS, (i) => lateralDrop + 0.13 * (1 - Math.min(1.3, dAt(i) / lateralRef)));
  const posteriorEnvelope = table(D_STEPS, (i) => smoothstep(0.025, 0.06, dAt(i)));
  const anteriorEnvelope = table(D_STEPS, (i) => smoothstep(0.3, 0.5, dAt(i) / lateralRef));
  const clavicleY = new Float32Array(D_STEPS);
  const clavicleHalfThickness = new Float32Array(D_STEPS);
  const dMedial = 0.035;
  const dLateral = g.shoulderHalfWidth * 0.68;
  for (let i = 0; i < D_STEPS; i++) {
    const t = (dAt(i) - dMedial) / (dLateral - dMedial);
    if (t <= 0 || t >= 1) continue;
    clavicleY[i] = g.clavicleMedialY + (g.clavicleLateralY - g.clavicleMedialY) * (t + 0.12 * Math.sin(2 * Math.PI * t));
    clavicleHalfThickness[i] = 0.012 * (1.15 - 0.4 * t) * Math.sqrt(Math.min(1, t / 0.04)) * Math.sqrt(Math.min(1, (1 - t) / 0.04));
  }
  return {
    bodyHalfWidth,
    thickness,
    spineHalfWidth,
    vertebrae,
    right: lungTables(g, g.right, false, bodyHalfWidth),
    left: lungTables(g, g.left, true, bodyHalfWidth),
    lungProfile: table(PROFILE_STEPS + 1, (i) => {
      const u = i / PROFILE_STEPS;
      return Math.pow(Math.sin(Math.PI * u), 0.4) * (0.7 + 0.3 * u);
    }),
    boneProfile: table(PROFILE_STEPS + 1, (i) => boneAt((2 * i) / PROFILE_STEPS - 1)),
    posteriorRibs: ribTable(g, g.ribHalfThickness, 0),
    anteriorRibs: ribTable(g, g.ribHalfThickness * 1.25, 0),
    posteriorShift,
    anteriorShift,
    posteriorEnvelope,
    anteriorEnvelope,
    clavicleY,
    clavicleHalfThickness,
  };
}
