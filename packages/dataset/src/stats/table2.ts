// The paper's Table 2 from in-memory records: images, readers per image, label counts by majority
// vote (train) or consensus (test), and, given per-image DICOM facts, size, age, sex and bytes.
import type { ImageLabels } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';
import type { ImageFacts } from './image-facts.js';
import { countPositives, countVotes } from './majority-vote.js';

export interface LabelFigure {
  count: number;
  /** 100 * count / images, rounded half up to 2 decimals (Math.round(count * 10000 / images) / 100); 0 with no images. */
  percent: number;
}

/** One split's column of Table 2; keys as in the JSON output. */
export interface SplitFigures {
  images: number;
  /** The most common number of readers per image (the smaller on a tie); 0 with no images. */
  readers_per_image: number;
  /** Present only when images have different numbers of readers. */
  readers_per_image_min?: number;
  readers_per_image_max?: number;
  /** Every schema label, in schema order (then any other name seen). */
  labels: Record<string, LabelFigure>;
  /** The rest only when image facts are given: how many of the split's images had facts, ... */
  images_with_facts?: number;
  /** ... the medians over those (the mean of the two middle values for an even number), ... */
  median_image_size?: { rows: number; columns: number };
  /** ... omitted when no image has an age, ... */
  median_age?: number;
  /** ... percentages of images (2 decimals): PatientSex M, F, and anything else or absent, ... */
  sex_percent?: { M: number; F: number; other_unknown: number };
  /** ... and the total bytes of their files. */
  data_size_bytes?: number;
}

export interface Table2 {
  train: SplitFigures;
  test: SplitFigures;
}

export interface Table2Options {
  schema?: LabelSchema;
  /** Per-image facts (imageFacts()), matched to each split's images by imageId. */
  facts?: Iterable<ImageFacts>;
  /** Readers to report for an image that has only a consensus row (no radId): VinDr's test set was
   * read by 5. Default 1: the consensus row itself. */
  consensusReaders?: number;
}

export const percentOf = (count: number, total: number): number => (total === 0 ? 0 : Math.round((count * 10000) / total) / 100);

/** The median of `values` (sorted here); NaN when empty. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

function readerFigures(counts: readonly number[]): Pick<SplitFigures, 'readers_per_image' | 'readers_per_image_min' | 'readers_per_image_max'> {
  if (counts.length === 0) return { readers_per_image: 0 };
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  const keys = [...tally.keys()].sort((a, b) => a - b);
  const common = keys.reduce((best, k) => (tally.get(k)! > tally.get(best)! ? k : best), keys[0]!);
  return keys.length === 1 ? { readers_per_image: common } : { readers_per_image: common, readers_per_image_min: keys[0]!, readers_per_image_max: keys[keys.length - 1]! };
}

function factFigures(ids: readonly string[], facts: ReadonlyMap<string, ImageFacts>): Partial<SplitFigures> {
  const found = ids.map((id) => facts.get(id)).filter((f): f is ImageFacts => f !== undefined);
  const out: Partial<SplitFigures> = { images_with_facts: found.length };
  if (found.length === 0) return out;
  out.median_image_size = { rows: median(found.map((f) => f.rows)), columns: median(found.map((f) => f.columns)) };
  const ages = found.flatMap((f) => (f.age === undefined ? [] : [f.age]));
  if (ages.length > 0) out.median_age = median(ages);
  const male = found.filter((f) => f.sex === 'M').length;
  const female = found.filter((f) => f.sex === 'F').length;
  out.sex_percent = { M: percentOf(male, found.length), F: percentOf(female, found.length), other_unknown: percentOf(found.length - male - female, found.length) };
  out.data_size_bytes = found.reduce((sum, f) => sum + f.bytes, 0);
  return out;
}

/** One split's figures: labels by majority vote over its readers (a consensus row decides alone). */
export function splitFigures(rows: readonly ImageLabels[], options: Table2Options = {}, facts?: ReadonlyMap<string, ImageFacts>): SplitFigures {
  const schema = options.schema ?? VINDR_CXR_SCHEMA;
  const voted = countVotes(rows, schema);
  const { images } = voted;
  const counts = countPositives(voted);
  const labels: Record<string, LabelFigure> = {};
  for (const [name, count] of Object.entries(counts)) labels[name] = { count, percent: percentOf(count, images.length) };
  const readers = images.map((v) => (v.consensus ? (options.consensusReaders ?? v.readers) : v.readers));
  const figures: SplitFigures = { images: images.length, ...readerFigures(readers), labels };
  return facts === undefined ? figures : { ...figures, ...factFigures(images.map((v) => v.imageId), facts) };
}

/** Table 2 for a release's image-level label rows: the training split's per-reader rows, the test split's consensus rows. */
export function table2(input: { train: readonly ImageLabels[]; test: readonly ImageLabels[] }, options: Table2Options = {}): Table2 {
  const facts = options.facts === undefined ? undefined : new Map([...options.facts].map((f) => [f.imageId, f] as const));
  return { train: splitFigures(input.train, options, facts), test: splitFigures(input.test, options, facts) };
}
