import { randomGenerator } from '@cxrlab/dicom';

/** A uniform generator in [0, 1). */
export type Random = () => number;

/** A seeded uniform generator in [0, 1): @cxrlab/dicom's mulberry32. */
export const seededRandom: (seed: number) => Random = randomGenerator;

/** A 32-bit seed mixed from several integers (murmur3's finaliser over each), for independent streams. */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A uniform number in [lo, hi). */
export function between(rnd: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * rnd();
}

/** A uniform integer in [lo, hi]. */
export function intBetween(rnd: Random, lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

export function pick<T>(rnd: Random, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** A UUID-derived UID (PS3.5 B.2: "2.25." and a 128-bit number), drawn from the seeded generator. */
export function syntheticUid(rnd: Random): string {
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 32n) | BigInt(Math.floor(rnd() * 2 ** 32));
  return `2.25.${n}`;
}
