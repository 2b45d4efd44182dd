// Who reads which image: a pure plan (no database). Each image gets the reads it still needs from
// distinct candidates who do not already hold it; each read goes to the least-loaded eligible candidate
// (ties broken by a seeded random draw), so the candidates' totals stay within one of each other.
import { randomGenerator } from '@cxrlab/dicom';

export interface ImageNeed {
  /** images.id */
  imageId: number;
  /** How many more distinct readers the image needs. */
  needed: number;
  /** Users who already read or hold the image (any task of theirs on it): never planned again. */
  holders?: readonly number[];
}

export interface PlanInput {
  images: readonly ImageNeed[];
  /** The users who may be given reads (duplicates are ignored). */
  candidates: readonly number[];
  /** Each candidate's current open tasks (missing: 0); the plan evens out load + new reads. */
  load?: ReadonlyMap<number, number>;
  seed: number;
}

export interface PlannedRead {
  imageId: number;
  userId: number;
}

export interface ImageShortfall {
  imageId: number;
  /** Reads that could not be planned: too few eligible candidates. */
  missing: number;
}

export interface AssignmentPlan {
  assignments: PlannedRead[];
  /** Total reads that could not be planned. */
  shortfall: number;
  /** The images that got fewer reads than they needed. */
  short: ImageShortfall[];
}

interface Slot {
  userId: number;
  load: number;
  tie: number;
}

const before = (a: Slot, b: Slot): boolean => a.load < b.load || (a.load === b.load && (a.tie < b.tie || (a.tie === b.tie && a.userId < b.userId)));

/** Inserts `slot` into `slots` (sorted by load, then tie) at its place. */
function insertSorted(slots: Slot[], slot: Slot): void {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(slots[mid]!, slot)) lo = mid + 1;
    else hi = mid;
  }
  slots.splice(lo, 0, slot);
}

/**
 * The plan: deterministic for a seed (and independent of the order of `candidates`). Images with the
 * fewest eligible candidates are planned first (their choice is the most constrained), the rest in a
 * seeded random order; each image's reads go to its least-loaded eligible candidates.
 */
export function planAssignment(input: PlanInput): AssignmentPlan {
  const random = randomGenerator(input.seed);
  const users = [...new Set(input.candidates)].sort((a, b) => a - b);
  const slots: Slot[] = [];
  for (const userId of users) insertSorted(slots, { userId, load: input.load?.get(userId) ?? 0, tie: random() });
  const isCandidate = new Set(users);

  const order = input.images
    .filter((image) => image.needed > 0)
    .map((image) => {
      const holders = image.holders ?? [];
      let eligible = users.length;
      if (holders.length > 0) for (const holder of new Set(holders)) if (isCandidate.has(holder)) eligible--;
      return { image, holders, eligible, key: random() };
    })
    .sort((a, b) => a.eligible - b.eligible || a.key - b.key || a.image.imageId - b.image.imageId);

  const assignments: PlannedRead[] = [];
  const short: ImageShortfall[] = [];
  let shortfall = 0;
  for (const { image, holders } of order) {
    const picked: number[] = [];
    for (let i = 0; i < slots.length && picked.length < image.needed; i++) {
      if (holders.length > 0 && holders.includes(slots[i]!.userId)) continue;
      picked.push(i);
    }
    const moved: Slot[] = [];
    for (let k = picked.length - 1; k >= 0; k--) moved.push(slots.splice(picked[k]!, 1)[0]!);
    for (const slot of moved.reverse()) {
      assignments.push({ imageId: image.imageId, userId: slot.userId });
      insertSorted(slots, { userId: slot.userId, load: slot.load + 1, tie: random() });
    }
    if (picked.length < image.needed) {
      short.push({ imageId: image.imageId, missing: image.needed - picked.length });
      shortfall += image.needed - picked.length;
    }
  }
  return { assignments, shortfall, short };
}
