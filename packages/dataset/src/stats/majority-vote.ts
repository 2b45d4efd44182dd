// Image-level labels by majority vote of an image's readers (training split) or as the consensus
// gives them (test split, rows without a reader id).
import type { ImageLabels } from '../model/annotations.js';
import { findLabel, type LabelSchema } from '../schema/label-schema.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';

/** An image's votes: how many distinct readers it has and how many marked each label of `names`. */
export interface ImageVotes {
  imageId: string;
  readers: number;
  /** votes[i]: readers who marked names[i]. */
  votes: Int32Array;
  /** True when every row of the image lacks a radId: a consensus, not readers. */
  consensus: boolean;
}

export interface VoteCount {
  /** The schema's label names in schema order, then names it does not know, as first seen. */
  names: string[];
  /** Images in order of first appearance. */
  images: ImageVotes[];
}

/**
 * True when `votes` of `readers` is a strict majority: more than half. A tie is not a majority:
 * with 2 readers, 1 of 2 is not enough (both must agree); with 4 readers, 3 are needed.
 */
export const isMajority = (votes: number, readers: number): boolean => 2 * votes > readers;

/**
 * Counts votes per image. A reader is a distinct `radId`; all rows without a `radId` of an image
 * count as one reader, the consensus (so a test image's single consensus row decides alone: 1 of 1
 * is a majority). Several rows of one reader on one image are merged (a label counts once if any
 * marks it). Names are taken to the schema's spelling (aliases resolved); other names are kept.
 */
export function countVotes(rows: readonly ImageLabels[], schema: LabelSchema = VINDR_CXR_SCHEMA): VoteCount {
  const names = schema.labels.map((l) => l.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const indexOf = (name: string): number => {
    let i = index.get(name);
    if (i !== undefined) return i;
    const canonical = findLabel(schema, name)?.name ?? name;
    i = index.get(canonical);
    if (i === undefined) index.set(canonical, (i = names.push(canonical) - 1));
    index.set(name, i);
    return i;
  };
  const pending = new Map<string, { readers: Map<string, number[]>; consensus: boolean }>();
  for (const row of rows) {
    let image = pending.get(row.imageId);
    if (image === undefined) pending.set(row.imageId, (image = { readers: new Map(), consensus: true }));
    if (row.radId !== undefined) image.consensus = false;
    let marked = image.readers.get(row.radId ?? '');
    if (marked === undefined) image.readers.set(row.radId ?? '', (marked = []));
    for (const name in row.labels) if (row.labels[name] === 1) marked.push(indexOf(name));
  }
  const stamp = new Int32Array(names.length).fill(-1);
  let serial = 0;
  const images: ImageVotes[] = [];
  for (const [imageId, { readers, consensus }] of pending) {
    const votes = new Int32Array(names.length);
    for (const marked of readers.values()) {
      serial++;
      for (const i of marked) if (stamp[i] !== serial) (stamp[i] = serial), votes[i]!++;
    }
    images.push({ imageId, readers: readers.size, votes, consensus });
  }
  return { names, images };
}

/**
 * One row per image (no `radId`): label 1 when more than half of the image's readers marked it
 * (isMajority), else 0. No finding is voted like any other label. Because a reader's No finding
 * excludes their other labels, a No finding majority and a majority for any other label cannot
 * happen together; but an image can end with no positive label at all when its readers disagree
 * (one says No finding, the others each mark something different).
 */
export function majorityVote(rows: readonly ImageLabels[], schema: LabelSchema = VINDR_CXR_SCHEMA): ImageLabels[] {
  const { names, images } = countVotes(rows, schema);
  // A template through JSON.parse stays a fast V8 object, and so do its spread copies.
  const template = JSON.parse(JSON.stringify(Object.fromEntries(names.map((n) => [n, 0])))) as Record<string, 0 | 1>;
  return images.map(({ imageId, readers, votes }) => {
    const labels = { ...template };
    votes.forEach((n, i) => {
      if (isMajority(n, readers)) labels[names[i]!] = 1;
    });
    return { imageId, labels };
  });
}

/** Label name -> images positive by majority vote (or consensus), every schema label included. */
export function positiveCounts(rows: readonly ImageLabels[], schema: LabelSchema = VINDR_CXR_SCHEMA): Record<string, number> {
  return countPositives(countVotes(rows, schema));
}

/** positiveCounts from votes already counted. */
export function countPositives({ names, images }: VoteCount): Record<string, number> {
  const counts = new Int32Array(names.length);
  for (const { readers, votes } of images) votes.forEach((n, i) => void (isMajority(n, readers) && counts[i]!++));
  return Object.fromEntries(names.map((n, i) => [n, counts[i]!]));
}
