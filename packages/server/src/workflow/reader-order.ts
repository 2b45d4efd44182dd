// Each reader's own random order: a reader's new tasks get positions from a seeded shuffle, with the seed
// derived from the project's assignment_seed and the reader's id (and where the batch starts in that
// reader's order), so every reader sees the images in a different order that can be reproduced.
import { randomGenerator } from '@cxrlab/dicom';

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed mixed from integers (order matters): the same parts always give the same seed. */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) h = fmix32((h ^ fmix32(Math.imul(part | 0, 0x27d4eb2f) ^ Math.floor(part / 4294967296))) + 0x7f4a7c15);
  return h;
}

/**
 * The seed of one reader's shuffle: from the project's assignment seed, the reader's user id and the
 * position where the batch starts in the reader's order (0 for the first batch).
 */
export function readerSeed(assignmentSeed: number, userId: number, start = 0): number {
  return mixSeed(assignmentSeed, userId, start);
}

/**
 * A seeded shuffle of 0..n-1 (Fisher-Yates over mulberry32): result[i] is the position of the i-th item.
 * Takes the number of items or the items themselves.
 */
export function shuffledPositions(items: number | readonly unknown[], seed: number): number[] {
  const n = typeof items === 'number' ? items : items.length;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`shuffledPositions: expected a count >= 0, got ${n}`);
  const random = randomGenerator(seed);
  const positions = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = positions[i]!;
    positions[i] = positions[j]!;
    positions[j] = t;
  }
  return positions;
}
