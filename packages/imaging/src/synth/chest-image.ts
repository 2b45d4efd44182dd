import { boxBlur } from './box-blur.js';
import { chestGeometry, type ChestGeometry } from './chest-geometry.js';
import { pulmonaryVessels } from './pulmonary-vessels.js';
import { renderAnatomy } from './render-anatomy.js';
import { mixSeed, seededRandom } from './seeded-random.js';
import { smoothField } from './smooth-field.js';
import { toStoredPixels } from './stored-pixels.js';

export type Monochrome = 'MONOCHROME1' | 'MONOCHROME2';

export interface ChestImageOptions {
  /** Default 2788 x 2446 (a 35 x 43 cm detector at about 0.15 mm). */
  rows?: number;
  columns?: number;
  /** Bits Stored, 8 to 16 (default 12), in 16 bits allocated. */
  bitsStored?: number;
  /** MONOCHROME1 stores bone as low values, like most CR (default MONOCHROME2). */
  photometricInterpretation?: Monochrome;
  seed?: number;
}

/** A synthetic chest radiograph: stored values and what the header says about them. */
export interface ChestImage {
  rows: number;
  columns: number;
  bitsStored: number;
  photometricInterpretation: Monochrome;
  pixels: Uint16Array;
  /** A window over the exposed field (0.5th to 99.5th percentile), in stored values. */
  windowCenter: number;
  windowWidth: number;
  smallestValue: number;
  largestValue: number;
  geometry: ChestGeometry;
}

/** Anatomy is rendered on a grid of at most about this many pixels, then interpolated. */
const WORK_PIXELS = 1.6e6;

/**
 * Generates a chest radiograph deterministically from `seed`: body and soft tissue, lungs with
 * vessels, mediastinum and heart, spine, ribs, clavicles, diaphragm, exposure variation, quantum
 * noise and a collimation border. Same options, same pixels.
 */
export function synthesizeChestImage(options: ChestImageOptions = {}): ChestImage {
  const rows = options.rows ?? 2788;
  const columns = options.columns ?? 2446;
  const bitsStored = options.bitsStored ?? 12;
  const photometricInterpretation = options.photometricInterpretation ?? 'MONOCHROME2';
  const seed = options.seed ?? 1;
  checkOptions(rows, columns, bitsStored);
  const g = chestGeometry(seededRandom(mixSeed(seed, 1)));
  const scale = Math.max(1, Math.ceil(Math.sqrt((rows * columns) / WORK_PIXELS)));
  const wr = Math.ceil(rows / scale);
  const wc = Math.ceil(columns / scale);

  const { attenuation, air } = renderAnatomy(g, wr, wc);
  const vessels = pulmonaryVessels(g, wr, wc, air, seededRandom(mixSeed(seed, 2)));
  boxBlur(vessels, wr, wc, 1, 2);
  // Lung texture at two scales, in cells of fixed anatomical size (so any image size shows the same lungs).
  const cells = (across: number): [number, number] => {
    const x = Math.max(2, Math.min(Math.floor(wc / 2), across));
    return [Math.max(2, Math.round((x * wr) / wc)), x];
  };
  const texture = smoothField(wr, wc, ...cells(60), seededRandom(mixSeed(seed, 3)));
  const mottle = smoothField(wr, wc, ...cells(170), seededRandom(mixSeed(seed, 7)));
  const exposure = smoothField(wr, wc, 3, 3, seededRandom(mixSeed(seed, 4)));
  // The heel effect: exposure falls off along the tube axis (here, down or up the image).
  const heel = (seededRandom(mixSeed(seed, 5))() - 0.5) * 0.12;
  // Vessel chords are fractions of the width; lung air of thickness 1 is about 0.4 of it. The 4 stands
  // for CR's detail enhancement, without which vessels would hardly show.
  const vesselGain = (4 * g.lungAir * g.vessel) / (0.4 * 0.15);
  for (let y = 0, i = 0; y < wr; y++) {
    const heelRow = heel * (y / wr - 0.5);
    for (let x = 0; x < wc; x++, i++) {
      const lung = air[i]!;
      // Full detail inside the lungs, a quarter of it in soft tissue (the hila, the chest wall).
      const mask = lung > 0.25 ? 1 : 0.25 + lung * 3;
      attenuation[i] = attenuation[i]! + mask * (vesselGain * vessels[i]! + g.lungAir * (0.07 * texture[i]! + 0.04 * mottle[i]!)) + 0.05 * exposure[i]! + heelRow;
    }
  }
  boxBlur(attenuation, wr, wc, 1, 1);
  // Dynamic range compression, as CR processing does: subtract part of a wide blur.
  const low = attenuation.slice();
  boxBlur(low, wr, wc, wc * 0.08, 3);
  for (let i = 0; i < attenuation.length; i++) attenuation[i]! -= g.equalization * low[i]!;

  const stored = toStoredPixels(attenuation, wr, wc, { rows, columns, bitsStored, invert: photometricInterpretation === 'MONOCHROME1', noise: g.noise, collimation: g.collimation, seed: mixSeed(seed, 6) });
  return { rows, columns, bitsStored, photometricInterpretation, ...stored, geometry: g };
}

function checkOptions(rows: number, columns: number, bitsStored: number): void {
  for (const [name, v] of [['rows', rows], ['columns', columns]] as const) {
    if (!Number.isInteger(v) || v < 32 || v > 65535) throw new RangeError(`${name} must be a whole number from 32 to 65535 (got ${v})`);
  }
  if (!Number.isInteger(bitsStored) || bitsStored < 8 || bitsStored > 16) throw new RangeError(`bitsStored must be 8 to 16 (got ${bitsStored})`);
}
