// How synthetic readers see an image: each reader's sensitivity and false-finding rate, where
// findings lie, and how a reader's box scatters around the true one.
import type { Box } from '../model/annotations.js';
import type { Random } from './seeded-random.js';

export interface ReaderProfile {
  radId: string;
  /** Chance of marking a true local finding; global diagnoses are GLOBAL_PENALTY harder. */
  sensitivity: number;
  /** Chance, per image, of adding one finding that is not there. */
  falseFindingRate: number;
}

export const SENSITIVITY_RANGE = [0.72, 0.92] as const;
export const FALSE_FINDING_RANGE = [0.01, 0.05] as const;
export const GLOBAL_PENALTY = 0.1;

/** Readers R1..Rn, each with a skill drawn from the ranges above. */
export function readerProfiles(count: number, rng: Random): ReaderProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    radId: `R${i + 1}`,
    sensitivity: rng.between(SENSITIVITY_RANGE[0], SENSITIVITY_RANGE[1]),
    falseFindingRate: rng.between(FALSE_FINDING_RANGE[0], FALSE_FINDING_RANGE[1]),
  }));
}

/** P(more than half of `readers` independent readers mark a finding each sees with chance `p`). */
export function majorityChance(p: number, readers: number): number {
  let total = 0;
  let choose = 1;
  for (let k = 0; k <= readers; k++) {
    if (2 * k > readers) total += choose * p ** k * (1 - p) ** (readers - k);
    choose = (choose * (readers - k)) / (k + 1);
  }
  return total;
}

/** `k` distinct indices of 0..n-1 (a partial Fisher-Yates shuffle of `scratch`, which holds 0..n-1). */
export function pickDistinct(scratch: number[], k: number, rng: Random): number[] {
  for (let i = 0; i < k; i++) {
    const j = rng.int(i, scratch.length - 1);
    const t = scratch[i]!;
    scratch[i] = scratch[j]!;
    scratch[j] = t;
  }
  return scratch.slice(0, k);
}

/** Where a label's boxes lie (fractions of width and height): centre ranges and size ranges. */
interface BoxShape { cx: [number, number]; cy: [number, number]; w: [number, number]; h: [number, number] }

const LUNGS: BoxShape = { cx: [0.22, 0.78], cy: [0.25, 0.75], w: [0.06, 0.25], h: [0.05, 0.22] };
const SHAPES: Record<string, BoxShape> = {
  'Aortic enlargement': { cx: [0.5, 0.58], cy: [0.28, 0.38], w: [0.07, 0.13], h: [0.07, 0.14] },
  'Cardiomegaly': { cx: [0.5, 0.58], cy: [0.58, 0.68], w: [0.35, 0.5], h: [0.15, 0.25] },
  'Nodule/Mass': { cx: [0.2, 0.8], cy: [0.25, 0.75], w: [0.02, 0.08], h: [0.02, 0.08] },
  'Pleural effusion': { cx: [0.2, 0.8], cy: [0.7, 0.8], w: [0.12, 0.25], h: [0.08, 0.18] },
};

/** Chance that a local finding has a second box (bilateral or multiple lesions). */
export function secondBoxChance(label: string): number {
  return ['Pleural thickening', 'Pulmonary fibrosis', 'Nodule/Mass', 'Pleural effusion', 'Rib fracture'].includes(label) ? 0.35 : 0.1;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

function clampedBox(cx: number, cy: number, w: number, h: number, width: number, height: number): Box {
  const xMin = round2(clamp(cx - w / 2, 0, width - 2));
  const yMin = round2(clamp(cy - h / 2, 0, height - 2));
  return { xMin, yMin, xMax: round2(clamp(cx + w / 2, xMin + 1, width)), yMax: round2(clamp(cy + h / 2, yMin + 1, height)) };
}

/** A true box for `label` on an image of the given size, in pixels. */
export function trueBox(label: string, width: number, height: number, rng: Random): Box {
  const s = SHAPES[label] ?? LUNGS;
  const w = rng.between(s.w[0], s.w[1]) * width;
  const h = rng.between(s.h[0], s.h[1]) * height;
  return clampedBox(rng.between(s.cx[0], s.cx[1]) * width, rng.between(s.cy[0], s.cy[1]) * height, w, h, width, height);
}

/** A reader's box for a true one: centre and size scattered by about 8% of the box (triangular noise). */
export function jitterBox(box: Box, width: number, height: number, rng: Random): Box {
  const w = box.xMax - box.xMin;
  const h = box.yMax - box.yMin;
  const noise = (): number => (rng.next() + rng.next() - 1) * 0.16;
  const cx = (box.xMin + box.xMax) / 2 + noise() * w;
  const cy = (box.yMin + box.yMax) / 2 + noise() * h;
  return clampedBox(cx, cy, w * (1 + noise()), h * (1 + noise()), width, height);
}
