import type { PixelArray } from '@cxrlab/imaging';
import type { PixelBox } from '../scrub/pixel-box.js';
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './burn-text-font.js';

export interface BurnTextOptions {
  /** Top-left corner of the first glyph, in pixels (text running off the image is clipped). */
  x: number;
  y: number;
  /** Pixels per font dot, a whole number (default 1: 5 x 7 glyphs, 6 pixels apart). */
  scale?: number;
  /** The stored value written to every sample of a stroke pixel, e.g. the largest stored value. */
  value: number;
  /** Samples per pixel of `pixels`, interleaved (default 1). */
  samplesPerPixel?: number;
}

/** The size of `text` drawn at `scale`: glyphs 5 dots wide with one dot between them, 7 dots high. */
export function burnedTextSize(text: string, scale = 1): { width: number; height: number } {
  return { width: Math.max(0, text.length * (GLYPH_WIDTH + 1) - 1) * scale, height: GLYPH_HEIGHT * scale };
}

/**
 * A test helper: burns `text` into a frame the way modalities annotate images, with a fixed
 * bitmap font scaled by a whole factor and strokes written at one value (no anti-aliasing), so
 * that the burned pixels are exactly known. Returns the bounding box of the pixels it wrote
 * (empty, width 0, when nothing landed on the image).
 */
export function burnText(pixels: PixelArray, columns: number, text: string, options: BurnTextOptions): PixelBox {
  const scale = options.scale ?? 1;
  const samples = options.samplesPerPixel ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a whole number from 1 (got ${scale})`);
  const rows = Math.floor(pixels.length / (columns * samples));
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1;
  [...text.toUpperCase()].forEach((char, k) => {
    const glyph = glyphRows(char);
    if (!glyph) throw new RangeError(`the burn-text font has no glyph for ${JSON.stringify(char)}`);
    const left = options.x + k * (GLYPH_WIDTH + 1) * scale;
    glyph.forEach((dots, gy) => {
      for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
        if (dots[gx] !== '#') continue;
        for (let y = options.y + gy * scale; y < options.y + (gy + 1) * scale; y++) {
          for (let x = left + gx * scale; x < left + (gx + 1) * scale; x++) {
            if (x < 0 || y < 0 || x >= columns || y >= rows) continue;
            pixels.fill(options.value, (y * columns + x) * samples, (y * columns + x + 1) * samples);
            x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
          }
        }
      }
    });
  });
  return x1 < 0 ? { x: 0, y: 0, width: 0, height: 0 } : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}
