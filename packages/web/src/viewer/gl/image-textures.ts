// An image's samples on the GPU: one R16UI texture per level (the image, then its box-averaged halves), read
// with texelFetch only (integer textures cannot be filtered: NEAREST, no mipmaps). Uploads either at once or in
// row bands spread over idle time (a preload must not stall the image being read).
import type { PixelImage } from '../types.js';

export interface LevelTexture {
  texture: WebGLTexture;
  /** Image pixels per texel (1 for the image itself). */
  factor: number;
  width: number;
  height: number;
  samples: Uint16Array;
  /** Rows uploaded so far. */
  rows: number;
  /** Drawn from once (drivers, ANGLE among them, copy staged uploads into the texture at its first draw). */
  warm: boolean;
}

export interface ImageTextures {
  image: PixelImage;
  levels: LevelTexture[];
}

/** Rows per texSubImage2D call when uploading in steps (~1 M samples, 2 MB). */
const BAND_SAMPLES = 1 << 20;

/** Allocates the textures (storage only) of every level that fits the GPU's MAX_TEXTURE_SIZE. */
export function allocateTextures(gl: WebGL2RenderingContext, image: PixelImage): ImageTextures {
  const max = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
  const all = [{ factor: 1, width: image.width, height: image.height, samples: image.samples }, ...(image.levels ?? [])];
  let fitting = all.filter((l) => l.width <= max && l.height <= max);
  if (fitting.length === 0) fitting = [all[all.length - 1]!]; // nothing fits: the draw fails visibly rather than silently
  const levels: LevelTexture[] = [];
  for (const l of fitting) {
    const texture = gl.createTexture();
    if (!texture) break;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.R16UI, l.width, l.height);
    levels.push({ texture, factor: l.factor, width: l.width, height: l.height, samples: l.samples, rows: 0, warm: false });
  }
  return { image, levels };
}

/**
 * Uploads up to `maxSamples` more samples (all when Infinity), coarsest level first (so a preloaded image can show
 * zoomed out early); returns true when everything is on the GPU.
 */
export function uploadSome(gl: WebGL2RenderingContext, set: ImageTextures, maxSamples = Infinity): boolean {
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 2);
  let budget = maxSamples;
  for (let i = set.levels.length - 1; i >= 0; i--) {
    const l = set.levels[i]!;
    if (l.rows >= l.height) continue;
    gl.bindTexture(gl.TEXTURE_2D, l.texture);
    while (l.rows < l.height && budget > 0) {
      const rows = budget === Infinity ? l.height - l.rows : Math.max(1, Math.min(l.height - l.rows, Math.floor(Math.min(budget, BAND_SAMPLES) / l.width)));
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, l.rows, l.width, rows, gl.RED_INTEGER, gl.UNSIGNED_SHORT, l.samples, l.rows * l.width);
      l.rows += rows;
      budget -= rows * l.width;
    }
    if (budget <= 0) return isComplete(set);
  }
  return true;
}

/** Uploads one level entirely (what a frame needs now). */
export function uploadLevel(gl: WebGL2RenderingContext, l: LevelTexture): void {
  if (l.rows >= l.height) return;
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 2);
  gl.bindTexture(gl.TEXTURE_2D, l.texture);
  gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, l.rows, l.width, l.height - l.rows, gl.RED_INTEGER, gl.UNSIGNED_SHORT, l.samples, l.rows * l.width);
  l.rows = l.height;
}

export const isComplete = (set: ImageTextures): boolean => set.levels.every((l) => l.rows >= l.height);


export function deleteTextures(gl: WebGL2RenderingContext, set: ImageTextures): void {
  for (const l of set.levels) gl.deleteTexture(l.texture);
  set.levels = [];
}

/** GPU bytes of an image's textures. */
export const textureBytes = (set: ImageTextures): number => set.levels.reduce((n, l) => n + 2 * l.width * l.height, 0);
