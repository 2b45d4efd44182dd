// A seeded generator of a VinDr-CXR-format release of any size: per-reader training labels and boxes,
// consensus test labels and boxes, image sizes, and the exact positive counts of what it generated.
import type { ImageSizes } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';
import { planLabels } from './label-plan.js';
import { readerProfiles } from './reader-model.js';
import { seededRandom } from './seeded-random.js';
import { imageFactory } from './synthetic-image.js';
import { synthesizeTest } from './synthetic-test.js';
import { synthesizeTrain, type SplitRecords } from './synthetic-train.js';

export type { SplitRecords } from './synthetic-train.js';

export interface SynthesizeOptions {
  /** Same seed, same options: the same release, record for record. */
  seed: number;
  trainImages?: number;
  testImages?: number;
  /** Distinct readers per training image (VinDr: 3). */
  readersPerTrainImage?: number;
  /** Readers R1..Rn who share the training images (VinDr: 17). */
  readers?: number;
  schema?: LabelSchema;
  /** One size for every image; by default each image gets a plausible size of 2000-3000 px. */
  imageSize?: { width: number; height: number };
}

export interface SyntheticRelease {
  /** imageLabels: one row per reader per image; annotations: one row per reader per box, and a
   * box-less no-finding row for each reader who marked nothing. */
  train: SplitRecords;
  /** One consensus row per image and the consensus boxes, without reader ids. */
  test: SplitRecords;
  /** Per split, label name -> images positive: by majority vote of the generated readers (more than
   * half of the image's readers) for train, by the generated consensus for test. */
  truth: { train: Record<string, number>; test: Record<string, number> };
  sizes: ImageSizes;
}

function count(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`synthesizeRelease: ${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

/**
 * Generates the release. Label frequencies follow vindr-frequencies.ts (approximations of the
 * paper's Table 2); readers of the training split each have a sensitivity (0.72-0.92, 0.1 lower for
 * global labels) and a false-finding rate (1-5% of images), so that majority vote is not unanimous.
 */
export function synthesizeRelease(options: SynthesizeOptions): SyntheticRelease {
  const { seed, schema = VINDR_CXR_SCHEMA, imageSize } = options;
  const trainImages = count('trainImages', options.trainImages ?? 15000, 0);
  const testImages = count('testImages', options.testImages ?? 3000, 0);
  const readers = count('readers', options.readers ?? 17, 1);
  const perImage = count('readersPerTrainImage', options.readersPerTrainImage ?? 3, 1);
  if (perImage > readers) throw new RangeError(`synthesizeRelease: readersPerTrainImage (${perImage}) exceeds readers (${readers})`);
  if (imageSize !== undefined) {
    count('imageSize.width', imageSize.width, 2);
    count('imageSize.height', imageSize.height, 2);
  }
  const rng = seededRandom(seed);
  const sizes: ImageSizes = new Map();
  const newImage = imageFactory(rng, sizes, imageSize);
  const profiles = readerProfiles(readers, rng);
  const train = synthesizeTrain(schema, planLabels(schema, 'train', perImage), profiles, perImage, trainImages, newImage, rng);
  const test = synthesizeTest(schema, planLabels(schema, 'test'), testImages, newImage, rng);
  return { train: train.records, test: test.records, truth: { train: train.truth, test: test.truth }, sizes };
}
