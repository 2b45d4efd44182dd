// A synthetic image: a unique 32-hex-digit id (like VinDr's) and a plausible size, recorded in `sizes`.
import type { ImageSizes } from '../model/annotations.js';
import type { Random } from './seeded-random.js';

export interface SyntheticImage {
  imageId: string;
  width: number;
  height: number;
}

/** Makes images with ids unique across the release; sizes are `fixed`, or 2000-2900 x 2200-3000 px. */
export function imageFactory(rng: Random, sizes: ImageSizes, fixed?: { width: number; height: number }): () => SyntheticImage {
  return () => {
    let imageId = rng.hex(32);
    while (sizes.has(imageId)) imageId = rng.hex(32);
    const height = fixed?.height ?? rng.int(2200, 3000);
    const width = fixed?.width ?? rng.int(2000, Math.min(height, 2900));
    sizes.set(imageId, { width, height });
    return { imageId, width, height };
  };
}

/**
 * A maker of label rows with every label of `names` at 0. The template goes through JSON.parse so
 * that V8 keeps it (and its spread copies) in fast mode; 28 properties added one by one would turn
 * each row into a slow dictionary object.
 */
export function labelRowMaker(names: readonly string[]): () => Record<string, 0 | 1> {
  const template = JSON.parse(JSON.stringify(Object.fromEntries(names.map((n) => [n, 0])))) as Record<string, 0 | 1>;
  return () => ({ ...template });
}
