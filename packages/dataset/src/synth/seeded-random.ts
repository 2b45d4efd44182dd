// A small seeded random source (@cxrlab/dicom's mulberry32) with the draws the synthetic release needs.
import { randomGenerator } from '@cxrlab/dicom';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** `digits` lowercase hexadecimal characters (VinDr image ids are 32). */
  hex(digits: number): string;
}

export function seededRandom(seed: number): Random {
  const next = randomGenerator(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    hex: (digits) => {
      let s = '';
      while (s.length < digits) s += Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
      return s.slice(0, digits);
    },
  };
}
