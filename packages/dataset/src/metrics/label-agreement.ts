// Inter-reader agreement on image-level labels: Fleiss' kappa per label and Cohen's kappa per pair of readers.
import type { ImageLabels } from '../model/annotations.js';
import { globalLabels, type LabelSchema } from '../schema/label-schema.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';
import { cohenKappaFromTable, fleissKappa } from './kappa.js';

export interface LabelAgreementOptions {
  /** 'global' (default): the schema's global labels; 'all': every label of the schema; or names. */
  labels?: 'global' | 'all' | readonly string[];
  /** Where label names and aliases come from. Default VINDR_CXR_SCHEMA. */
  schema?: LabelSchema;
  /** Pairs of readers with fewer images in common are reported but flagged. Default 20. */
  minCommonImages?: number;
}

/** Fleiss' kappa of one label over the images read by exactly `raters` readers. */
export interface FleissRow { label: string; raters: number; images: number; positiveRatings: number; kappa: number }

/** Cohen's kappa of one label for one pair of readers (readerA < readerB) over the images both read. */
export interface ReaderPairRow {
  label: string;
  readerA: string;
  readerB: string;
  commonImages: number;
  bothPositive: number;
  onlyA: number;
  onlyB: number;
  bothNegative: number;
  observedAgreement: number;
  kappa: number;
  /** commonImages < minCommonImages: too few images for the kappa to mean much. */
  flagged: boolean;
}

export interface LabelAgreement {
  /** k: the most common number of readers per image (the larger on a tie). */
  raters: number;
  /** Images with exactly k readers (Fleiss' kappa is over these) and images left out of it. */
  imagesUsed: number;
  imagesLeftOut: number;
  /** Records without a radId (a consensus), left out of everything. */
  recordsWithoutReader: number;
  fleiss: FleissRow[];
  /** By label (in option order), then by pair (reader ids in natural order: R2 before R10). */
  pairwise: ReaderPairRow[];
}

const byReaderId = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * Agreement of several readers' image-level labels (VinDr-CXR's image_labels_train.csv: 3 of 17
 * readers per image). A label missing from a record counts as 0; aliases are looked up too. Two
 * records for the same image and reader throw. Kappas are NaN when undefined (see kappa.ts).
 */
export function labelAgreement(records: readonly ImageLabels[], options: LabelAgreementOptions = {}): LabelAgreement {
  const schema = options.schema ?? VINDR_CXR_SCHEMA;
  const minCommon = options.minCommonImages ?? 20;
  const chosen = options.labels ?? 'global';
  const names = chosen === 'global' ? globalLabels(schema).map((l) => l.name) : chosen === 'all' ? schema.labels.map((l) => l.name) : [...chosen];
  const spellings = names.map((name) => [name, ...(schema.labels.find((l) => l.name === name)?.aliases ?? [])]);
  const valueOf = (labels: Record<string, 0 | 1>, li: number): 0 | 1 => {
    for (const s of spellings[li]!) if (labels[s] !== undefined) return labels[s] === 1 ? 1 : 0;
    return 0;
  };

  const images = new Map<string, Map<string, (0 | 1)[]>>();
  let recordsWithoutReader = 0;
  for (const r of records) {
    if (r.radId === undefined) { recordsWithoutReader++; continue; }
    let readers = images.get(r.imageId);
    if (readers === undefined) images.set(r.imageId, (readers = new Map()));
    if (readers.has(r.radId)) throw new Error(`labelAgreement: two records for image ${r.imageId} and reader ${r.radId}`);
    readers.set(r.radId, names.map((_, li) => valueOf(r.labels, li)));
  }

  const histogram = new Map<number, number>();
  for (const readers of images.values()) histogram.set(readers.size, (histogram.get(readers.size) ?? 0) + 1);
  let k = 0;
  for (const [size, count] of histogram) if (count > (histogram.get(k) ?? 0) || (count === histogram.get(k) && size > k)) k = size;
  const used = [...images.values()].filter((readers) => readers.size === k);

  const fleiss = names.map((label, li): FleissRow => {
    const counts = used.map((readers) => {
      let positives = 0;
      for (const values of readers.values()) positives += values[li]!;
      return [k - positives, positives];
    });
    const positiveRatings = counts.reduce((s, c) => s + c[1]!, 0);
    return { label, raters: k, images: used.length, positiveRatings, kappa: k >= 2 ? fleissKappa(counts) : NaN };
  });

  // Per pair of readers, per label: [both positive, only A, only B, both negative].
  const pairs = new Map<string, { a: string; b: string; common: number; tables: number[][] }>();
  for (const readers of images.values()) {
    const ids = [...readers.keys()].sort(byReaderId);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i]!, ids[j]!];
        const key = `${a}\u0000${b}`;
        let pair = pairs.get(key);
        if (pair === undefined) pairs.set(key, (pair = { a, b, common: 0, tables: names.map(() => [0, 0, 0, 0]) }));
        pair.common++;
        const [va, vb] = [readers.get(a)!, readers.get(b)!];
        names.forEach((_, li) => { pair.tables[li]![va[li]! === 1 ? (vb[li]! === 1 ? 0 : 1) : vb[li]! === 1 ? 2 : 3]! += 1; });
      }
    }
  }
  const sortedPairs = [...pairs.values()].sort((x, y) => byReaderId(x.a, y.a) || byReaderId(x.b, y.b));
  const pairwise = names.flatMap((label, li) => sortedPairs.map((p): ReaderPairRow => {
    const [bothPositive, onlyA, onlyB, bothNegative] = p.tables[li]! as [number, number, number, number];
    return {
      label, readerA: p.a, readerB: p.b, commonImages: p.common, bothPositive, onlyA, onlyB, bothNegative,
      observedAgreement: (bothPositive + bothNegative) / p.common,
      kappa: cohenKappaFromTable([[bothPositive, onlyA], [onlyB, bothNegative]]),
      flagged: p.common < minCommon,
    };
  }));

  return { raters: k, imagesUsed: used.length, imagesLeftOut: images.size - used.length, recordsWithoutReader, fleiss, pairwise };
}
