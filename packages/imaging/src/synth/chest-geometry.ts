import { between, intBetween, type Random } from './seeded-random.js';

/**
 * One hemithorax, in image fractions: Y runs down the image (0 top, 1 bottom, a fraction of the
 * rows), D is the distance from the midline (a fraction of the columns). In a PA view the
 * patient's right lung is on the image's left.
 */
export interface LungShape {
  apexY: number;
  apexD: number;
  /** Inner chest wall at mid-thorax. */
  lateralD: number;
  /** Mediastinal border above the heart. */
  medialD: number;
  /** Top of the diaphragm dome and where it lies; the costophrenic angle is `domeDepth` lower. */
  domeY: number;
  domeD: number;
  domeDepth: number;
  /** How far the heart border bulges beyond `medialD`, and the heart's top and bottom. */
  heartD: number;
  heartTop: number;
  heartBottom: number;
}

/** The anatomy and acquisition of one synthetic chest radiograph, drawn from a seed. */
export interface ChestGeometry {
  /** Patient midline (fraction of columns) and rotation in radians. */
  centerX: number;
  tilt: number;
  neckHalfWidth: number;
  shoulderHalfWidth: number;
  shoulderY: number;
  waistHalfWidth: number;
  right: LungShape;
  left: LungShape;
  aorticKnobD: number;
  aorticKnobY: number;
  carinaY: number;
  hilumY: number;
  spineHalfWidth: number;
  vertebraHeight: number;
  /** Posterior ribs: first rib centre, spacing (growing downwards), half thickness, lateral drop. */
  ribFirstY: number;
  ribSpacing: number;
  ribSpacingGrowth: number;
  ribHalfThickness: number;
  ribDrop: number;
  clavicleMedialY: number;
  clavicleLateralY: number;
  gastricBubble: boolean;
  /** Attenuation weights. */
  softTissue: number;
  lungAir: number;
  bone: number;
  vessel: number;
  /** Low-frequency dynamic range compression (0 none .. 1 flat). */
  equalization: number;
  /** Quantum noise, as a fraction of the display range at mid grey. */
  noise: number;
  /** Collimation margins (fractions of the image) top, bottom, left, right. */
  collimation: [number, number, number, number];
}

function lung(rnd: Random, side: 'right' | 'left', domeY: number): LungShape {
  const left = side === 'left';
  return {
    apexY: between(rnd, 0.1, 0.14),
    apexD: between(rnd, 0.15, 0.19),
    lateralD: between(rnd, 0.36, 0.4),
    medialD: left ? between(rnd, 0.07, 0.085) : between(rnd, 0.075, 0.095),
    domeY: left ? domeY + between(rnd, 0.01, 0.035) : domeY,
    domeD: between(rnd, 0.2, 0.25),
    domeDepth: between(rnd, 0.06, 0.09),
    heartD: left ? between(rnd, 0.11, 0.16) : between(rnd, 0.025, 0.045),
    heartTop: left ? between(rnd, 0.38, 0.42) : between(rnd, 0.44, 0.48),
    heartBottom: domeY + between(rnd, 0.05, 0.08),
  };
}

export function chestGeometry(rnd: Random): ChestGeometry {
  const domeY = between(rnd, 0.63, 0.7);
  const top = rnd() < 0.7 ? between(rnd, 0.005, 0.04) : 0;
  return {
    centerX: 0.5 + between(rnd, -0.02, 0.02),
    tilt: between(rnd, -0.03, 0.03),
    neckHalfWidth: between(rnd, 0.09, 0.12),
    shoulderHalfWidth: between(rnd, 0.45, 0.5),
    shoulderY: between(rnd, 0.1, 0.14),
    waistHalfWidth: between(rnd, 0.4, 0.46),
    right: lung(rnd, 'right', domeY),
    left: lung(rnd, 'left', domeY),
    aorticKnobD: between(rnd, 0.02, 0.04),
    aorticKnobY: between(rnd, 0.27, 0.31),
    carinaY: between(rnd, 0.3, 0.34),
    hilumY: between(rnd, 0.37, 0.42),
    spineHalfWidth: between(rnd, 0.03, 0.038),
    vertebraHeight: between(rnd, 0.03, 0.036),
    ribFirstY: between(rnd, 0.1, 0.125),
    ribSpacing: between(rnd, 0.046, 0.054),
    ribSpacingGrowth: between(rnd, 0.0015, 0.003),
    ribHalfThickness: between(rnd, 0.009, 0.012),
    ribDrop: between(rnd, 0.13, 0.17),
    clavicleMedialY: between(rnd, 0.15, 0.18),
    clavicleLateralY: between(rnd, 0.08, 0.11),
    gastricBubble: rnd() < 0.6,
    softTissue: between(rnd, 0.9, 1.1),
    lungAir: between(rnd, 0.5, 0.62),
    bone: between(rnd, 0.09, 0.13),
    vessel: between(rnd, 0.12, 0.18),
    equalization: between(rnd, 0.2, 0.35),
    noise: between(rnd, 0.01, 0.018),
    collimation: [top, rnd() < 0.5 ? between(rnd, 0.005, 0.03) : 0, ...sides(rnd)],
  };
}

function sides(rnd: Random): [number, number] {
  const n = intBetween(rnd, 0, 2);
  const a = n > 0 ? between(rnd, 0.005, 0.04) : 0;
  const b = n > 1 ? between(rnd, 0.005, 0.04) : 0;
  return rnd() < 0.5 ? [a, b] : [b, a];
}
