// Lateral views: View Position (0018,5101), the View Code Sequence's meaning, and softer hints in
// descriptions, protocol names and Image Laterality.
import { bodyPartWords } from './body-part.js';

/** View Position values of a lateral projection. */
const LATERAL_POSITIONS = new Set(['LL', 'RL', 'LAT', 'LATERAL', 'LLAT', 'RLAT']);
/** Words in a description or protocol name that hint at a lateral view. */
const LATERAL_WORDS = new Set(['LAT', 'LATERAL', 'LL', 'RL', 'PROFILE', 'PROFIL', 'SEITLICH', 'NGHIENG']);

export function isLateralViewPosition(value: string): boolean {
  return LATERAL_POSITIONS.has(value.trim().toUpperCase());
}

/** A View Code Sequence meaning such as "left lateral" or "latero-medial". */
export function isLateralViewCode(meaning: string): boolean {
  return /later/i.test(meaning);
}

/** Words that name a frontal view: a description with one ("PA AND LAT") may be the frontal image. */
const FRONTAL_WORDS = new Set(['PA', 'AP', 'FRONTAL', 'POSTEROANTERIOR', 'ANTEROPOSTERIOR', 'FACE', 'THANG']);

/** The lateral word of a description that names a lateral view and no frontal one, or undefined. */
export function lateralHint(description: string): string | undefined {
  const words = bodyPartWords(description);
  return words.some((w) => FRONTAL_WORDS.has(w)) ? undefined : words.find((w) => LATERAL_WORDS.has(w));
}
