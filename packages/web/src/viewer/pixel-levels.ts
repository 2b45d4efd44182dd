// Reduced copies of an image for drawing it zoomed out without aliasing: each level halves the previous one
// (2x2 box average, rounded; an odd last row or column averages the pixels it has). The renderer picks the
// level whose pixels are at least half a device pixel and interpolates it bilinearly. Levels can be built as
// the image's rows arrive (LevelPyramid), so a streamed decode has them ready with its last row. Pure.
import type { PixelLevel } from './types.js';

/** Levels stop once the long side would drop below this (a 256 px view of the image is the smallest we expect). */
export const MIN_LEVEL_SIDE = 256;

/** Writes rows [y0, y1) of the half-size copy of `src` (width x height) into `out` (ceil(width/2) wide). */
function halveRows(src: Uint16Array, width: number, height: number, out: Uint16Array, y0: number, y1: number): void {
  const w2 = Math.ceil(width / 2);
  const evenW = width >> 1;
  for (let y = y0; y < y1; y++) {
    const r0 = 2 * y * width;
    const r1 = 2 * y + 1 < height ? r0 + width : r0; // the odd last row: counted twice = its own mean
    const o = y * w2;
    for (let x = 0; x < evenW; x++) {
      const i = 2 * x;
      out[o + x] = (src[r0 + i]! + src[r0 + i + 1]! + src[r1 + i]! + src[r1 + i + 1]! + 2) >> 2;
    }
    if (w2 > evenW) out[o + evenW] = (src[r0 + width - 1]! + src[r1 + width - 1]! + 1) >> 1;
  }
}

/** The 2x2 box average of `samples` (width x height): ceil(width/2) x ceil(height/2). */
export function halveSamples(samples: Uint16Array, width: number, height: number): { width: number; height: number; samples: Uint16Array } {
  const w2 = Math.ceil(width / 2);
  const h2 = Math.ceil(height / 2);
  const out = new Uint16Array(w2 * h2);
  halveRows(samples, width, height, out, 0, h2);
  return { width: w2, height: h2, samples: out };
}

/** The level sizes: factors 2, 4, 8... while the long side stays >= minSide. */
export function levelSizes(width: number, height: number, minSide = MIN_LEVEL_SIDE): { factor: number; width: number; height: number }[] {
  const sizes = [];
  let w = width;
  let h = height;
  let factor = 1;
  while (Math.max(Math.ceil(w / 2), Math.ceil(h / 2)) >= minSide) {
    w = Math.ceil(w / 2);
    h = Math.ceil(h / 2);
    factor *= 2;
    sizes.push({ factor, width: w, height: h });
  }
  return sizes;
}

/** Builds the levels of an image whose rows arrive top to bottom: advance(rows) after each new band. */
export class LevelPyramid {
  readonly levels: PixelLevel[];
  /** Rows done per level (index 0: the image's rows available). */
  readonly #done: number[];

  constructor(
    readonly samples: Uint16Array,
    readonly width: number,
    readonly height: number,
    minSide = MIN_LEVEL_SIDE,
  ) {
    this.levels = levelSizes(width, height, minSide).map((s) => ({ ...s, samples: new Uint16Array(s.width * s.height) }));
    this.#done = new Array<number>(this.levels.length + 1).fill(0);
  }

  /** The image's rows [0, rows) are final: computes every level row that depends only on them. */
  advance(rows: number): void {
    this.#done[0] = rows;
    let src = { samples: this.samples, width: this.width, height: this.height };
    for (let k = 0; k < this.levels.length; k++) {
      const level = this.levels[k]!;
      const srcRows = this.#done[k]!;
      const ready = srcRows >= src.height ? level.height : Math.floor(srcRows / 2);
      if (ready > this.#done[k + 1]!) {
        halveRows(src.samples, src.width, src.height, level.samples, this.#done[k + 1]!, ready);
        this.#done[k + 1] = ready;
      }
      src = level;
    }
  }
}

/** Levels 2, 4, 8... while the long side stays >= minSide. */
export function buildLevels(samples: Uint16Array, width: number, height: number, minSide = MIN_LEVEL_SIDE): PixelLevel[] {
  const pyramid = new LevelPyramid(samples, width, height, minSide);
  pyramid.advance(height);
  return pyramid.levels;
}

/**
 * The level to draw at `devicePerImage` device pixels per image pixel: 0 (the image itself) when magnified, else
 * the coarsest level whose pixel still covers at most one device pixel (so devicePerImage * factor lies in (0.5, 1]
 * while levels last): bilinear interpolation there reads at most 2x2 texels per device pixel, and the box average
 * behind each texel removes what would alias.
 */
export function levelFor(devicePerImage: number, levels: readonly Pick<PixelLevel, 'factor'>[]): number {
  if (!(devicePerImage > 0) || devicePerImage >= 1) return 0;
  let best = 0;
  for (let i = 0; i < levels.length; i++) if (devicePerImage * levels[i]!.factor <= 1) best = i + 1;
  return best;
}
