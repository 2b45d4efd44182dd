// A chest-specific heuristic for grey levels inverted against the photometric interpretation.
import type { GreyImage } from './downsample.js';

/**
 * Where a frontal chest radiograph's parts lie, as fractions of the height and width (from, to).
 * At mid-height the mediastinum and spine fill the centre with a lung on either side; near the
 * bottom, in the middle, lie the diaphragm, heart base and abdomen. The columns slide sideways
 * together by each of `shifts`, since patients are rarely centred exactly.
 */
export const CHEST_TEMPLATE = {
  midRows: [0.3, 0.6],
  mediastinum: [0.4, 0.6],
  leftLung: [0.15, 0.35],
  rightLung: [0.65, 0.85],
  lowRows: [0.85, 0.95],
  abdomen: [0.3, 0.7],
  shifts: [-0.1, -0.075, -0.05, -0.025, 0, 0.025, 0.05, 0.075, 0.1],
} as const;

/**
 * How strongly `image` looks inverted, on a scale of display grey (0 black .. 1 white over the
 * robust range p1..p99, MONOCHROME1 inverted first so that bone should be white).
 *
 * In a correctly displayed frontal chest the mediastinum is brighter than each lung field beside
 * it, and the abdomen below the diaphragm is brighter than the lungs. At each position of the
 * template, three pieces of evidence are measured: left lung minus mediastinum, right lung minus
 * mediastinum, and the lungs minus the abdomen (mean display grey of each region). Their minimum
 * is positive only when all three point to inversion, and large only when all three do clearly;
 * the score is the largest such minimum over the template's positions. Pixels at or beyond
 * p1..p99 (collimator blades, markers, background) are left out of the means, being bright or
 * dark whatever the anatomy. Correct chests score -0.05 to -0.6, inverted ones +0.25 to +0.6;
 * other radiographs (the hip and leg fixtures, cropped or not) at most +0.16. Whether the area
 * outside the body is dark is not asked: at mid-height the edges of real CR chests hold the arms,
 * the chest wall or white collimator blades as often as air.
 */
export function inversionScore(image: GreyImage, p1: number, p99: number, monochrome1: boolean): number {
  if (!(p99 > p1)) return 0;
  const t = CHEST_TEMPLATE;
  const mid = columnSums(image, t.midRows, p1, p99);
  const low = columnSums(image, t.lowRows, p1, p99);
  const grey = (profile: ColumnSums, [from, to]: readonly [number, number], shift: number): number | undefined => {
    const x0 = Math.max(0, Math.floor((from + shift) * image.width));
    const x1 = Math.min(image.width, Math.ceil((to + shift) * image.width));
    let sum = 0;
    let count = 0;
    for (let x = x0; x < x1; x++) {
      sum += profile.sum[x]!;
      count += profile.count[x]!;
    }
    if (count === 0) return undefined;
    const g = (sum / count - p1) / (p99 - p1);
    return monochrome1 ? 1 - g : g;
  };
  let best: number | undefined;
  for (const shift of t.shifts) {
    const centre = grey(mid, t.mediastinum, shift);
    const left = grey(mid, t.leftLung, shift);
    const right = grey(mid, t.rightLung, shift);
    const abdomen = grey(low, t.abdomen, shift);
    if (centre === undefined || left === undefined || right === undefined || abdomen === undefined) continue;
    const evidence = Math.min(left - centre, right - centre, (left + right) / 2 - abdomen);
    if (best === undefined || evidence > best) best = evidence;
  }
  return best ?? 0;
}

interface ColumnSums {
  sum: Float64Array;
  count: Uint32Array;
}

/** Per column, the sum and count of values strictly inside (p1, p99) over a band of rows. */
function columnSums(image: GreyImage, [from, to]: readonly [number, number], p1: number, p99: number): ColumnSums {
  const { width, height, data } = image;
  const sum = new Float64Array(width);
  const count = new Uint32Array(width);
  const y1 = Math.min(height, Math.max(Math.floor(from * height) + 1, Math.ceil(to * height)));
  for (let y = Math.floor(from * height); y < y1; y++) {
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const v = data[i]!;
      if (v <= p1 || v >= p99) continue;
      sum[x]! += v;
      count[x]!++;
    }
  }
  return { sum, count };
}
