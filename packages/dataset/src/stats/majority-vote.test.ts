// Majority vote on hand-made readers: strict majorities, 2-reader ties, No finding, consensus rows, merging and aliases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ImageLabels } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import { countVotes, isMajority, majorityVote, positiveCounts } from './majority-vote.js';

const SCHEMA: LabelSchema = {
  name: 'tiny',
  labels: [
    { name: 'A', kind: 'local', definition: '' },
    { name: 'B', kind: 'local', definition: '' },
    { name: 'Other diseases', kind: 'global', definition: '', aliases: ['Other disease'] },
    { name: 'No finding', kind: 'global', definition: '' },
  ],
  noFinding: 'No finding',
  classIds: ['A', 'B', 'No finding'],
};

/** A reader row: the labels named are 1, the others 0. */
const read = (imageId: string, radId: string | undefined, ...marked: string[]): ImageLabels => ({
  imageId,
  ...(radId === undefined ? {} : { radId }),
  labels: Object.fromEntries(['A', 'B', 'Other diseases', 'No finding'].map((n) => [n, marked.includes(n) ? 1 : 0])) as Record<string, 0 | 1>,
});

/** The positive labels of each voted image. */
const positives = (rows: ImageLabels[]): Record<string, string[]> =>
  Object.fromEntries(majorityVote(rows, SCHEMA).map((r) => [r.imageId, Object.keys(r.labels).filter((k) => r.labels[k] === 1)]));

describe('isMajority', () => {
  it('needs more than half: ties are not a majority', () => {
    assert.deepEqual([isMajority(2, 3), isMajority(1, 3), isMajority(1, 2), isMajority(2, 2), isMajority(2, 4), isMajority(3, 4), isMajority(1, 1)], [true, false, false, true, false, true, true]);
  });
});

describe('majorityVote', () => {
  it('with 3 readers, 2 of 3 make a label positive', () => {
    const rows = [read('i1', 'R1', 'A', 'B'), read('i1', 'R2', 'A'), read('i1', 'R3', 'No finding')];
    assert.deepEqual(positives(rows), { i1: ['A'] });
  });

  it('with 2 readers, 1 of 2 is a tie and not positive; 2 of 2 is', () => {
    const rows = [read('i1', 'R1', 'A', 'B'), read('i1', 'R2', 'A'), read('i2', 'R4', 'No finding'), read('i2', 'R5', 'B')];
    assert.deepEqual(positives(rows), { i1: ['A'], i2: [] });
  });

  it('votes No finding like any label: 2 of 3 make it positive and then no other label can be', () => {
    const rows = [read('i1', 'R1', 'No finding'), read('i1', 'R2', 'No finding'), read('i1', 'R3', 'A', 'Other diseases')];
    assert.deepEqual(positives(rows), { i1: ['No finding'] });
  });

  it('leaves an image with no positive label when readers disagree on what they found', () => {
    const rows = [read('i1', 'R1', 'No finding'), read('i1', 'R2', 'A'), read('i1', 'R3', 'B')];
    assert.deepEqual(positives(rows), { i1: [] });
  });

  it('takes a consensus row (no radId) as given: 1 of 1', () => {
    const rows = [read('t1', undefined, 'B', 'Other diseases'), read('t2', undefined, 'No finding')];
    assert.deepEqual(positives(rows), { t1: ['B', 'Other diseases'], t2: ['No finding'] });
    assert.deepEqual(countVotes(rows, SCHEMA).images.map((i) => [i.readers, i.consensus]), [[1, true], [1, true]]);
  });

  it('merges repeated rows of one reader and counts the reader once', () => {
    const rows = [read('i1', 'R1', 'A'), read('i1', 'R1', 'A', 'B'), read('i1', 'R2', 'B'), read('i1', 'R3', 'No finding')];
    const [image] = countVotes(rows, SCHEMA).images;
    assert.equal(image!.readers, 3);
    assert.deepEqual([...image!.votes], [1, 2, 0, 1]);
    assert.deepEqual(positives(rows), { i1: ['B'] });
  });

  it('resolves aliases, keeps unknown names, and gives rows in order of first appearance without radId', () => {
    const rows: ImageLabels[] = [
      { imageId: 'z', radId: 'R1', labels: { 'Other disease': 1, Mystery: 1 } },
      { imageId: 'z', radId: 'R2', labels: { 'Other diseases': 1, Mystery: 1 } },
      { imageId: 'a', radId: 'R1', labels: { A: 1 } },
    ];
    const voted = majorityVote(rows, SCHEMA);
    assert.deepEqual(voted.map((r) => r.imageId), ['z', 'a']);
    assert.equal(voted[0]!.radId, undefined);
    assert.deepEqual(voted[0]!.labels, { A: 0, B: 0, 'Other diseases': 1, 'No finding': 0, Mystery: 1 });
    assert.deepEqual(positiveCounts(rows, SCHEMA), { A: 1, B: 0, 'Other diseases': 1, 'No finding': 0, Mystery: 1 });
  });

  it('gives nothing for no rows', () => {
    assert.deepEqual(majorityVote([], SCHEMA), []);
    assert.deepEqual(positiveCounts([], SCHEMA), { A: 0, B: 0, 'Other diseases': 0, 'No finding': 0 });
  });
});
