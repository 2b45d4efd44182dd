import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomGenerator } from '@cxrlab/dicom';
import { planAssignment, type ImageNeed, type PlanInput } from './plan-assignment.js';
import { readerSeed, shuffledPositions } from './reader-order.js';

const range = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);

function totals(input: PlanInput, plan: ReturnType<typeof planAssignment>): Map<number, number> {
  const out = new Map<number, number>(input.candidates.map((c) => [c, input.load?.get(c) ?? 0]));
  for (const a of plan.assignments) out.set(a.userId, (out.get(a.userId) ?? 0) + 1);
  return out;
}

const spread = (values: Iterable<number>): number => {
  const list = [...values];
  return Math.max(...list) - Math.min(...list);
};

/** A random planning problem: images needing 1..4 reads, some held already, candidates with loads. */
function randomInput(seed: number, options: { holders: boolean; loads: boolean }): PlanInput {
  const random = randomGenerator(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const candidates = range(int(1, 9), 100);
  const images: ImageNeed[] = range(int(0, 60)).map((imageId) => ({
    imageId,
    needed: int(0, 4),
    holders: options.holders ? candidates.filter(() => random() < 0.2) : [],
  }));
  const load = new Map(options.loads ? candidates.map((c) => [c, int(0, 5)] as [number, number]) : []);
  return { images, candidates, load, seed: int(0, 2 ** 31) };
}

describe('planAssignment', () => {
  it('gives 30 images x 3 reads to 4 readers as 22/23/22/23, three distinct readers per image', () => {
    const plan = planAssignment({ images: range(30).map((imageId) => ({ imageId, needed: 3 })), candidates: [11, 12, 13, 14], seed: 7 });
    assert.equal(plan.assignments.length, 90);
    assert.equal(plan.shortfall, 0);
    const perImage = new Map<number, Set<number>>();
    for (const a of plan.assignments) perImage.set(a.imageId, (perImage.get(a.imageId) ?? new Set()).add(a.userId));
    assert.equal(perImage.size, 30);
    for (const readers of perImage.values()) assert.equal(readers.size, 3);
    const counts = [...totals({ images: [], candidates: [11, 12, 13, 14], seed: 0 }, plan).values()].sort();
    // 90 reads over 4 readers: two read 22 images and two read 23
    assert.deepEqual(counts, [22, 22, 23, 23]);
  });

  it('never plans a user twice on one image, nor a user who already holds it (200 random problems)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomInput(seed, { holders: true, loads: true });
      const plan = planAssignment(input);
      const seen = new Set<string>();
      for (const a of plan.assignments) {
        const key = `${a.imageId}:${a.userId}`;
        assert.ok(!seen.has(key), `seed ${seed}: ${key} twice`);
        seen.add(key);
        const image = input.images.find((i) => i.imageId === a.imageId)!;
        assert.ok(!image.holders!.includes(a.userId), `seed ${seed}: holder ${a.userId} planned on image ${a.imageId}`);
        assert.ok(input.candidates.includes(a.userId));
      }
    }
  });

  it('gives each image what it needs, or every eligible candidate, and reports the rest as shortfall', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomInput(seed, { holders: true, loads: true });
      const plan = planAssignment(input);
      let expectedShortfall = 0;
      for (const image of input.images) {
        const eligible = input.candidates.filter((c) => !image.holders!.includes(c)).length;
        const got = plan.assignments.filter((a) => a.imageId === image.imageId).length;
        const expected = Math.min(Math.max(image.needed, 0), eligible);
        assert.equal(got, expected, `seed ${seed}, image ${image.imageId}`);
        expectedShortfall += Math.max(image.needed, 0) - expected;
      }
      assert.equal(plan.shortfall, expectedShortfall);
      assert.equal(plan.short.reduce((s, x) => s + x.missing, 0), expectedShortfall);
    }
  });

  it('keeps every candidate within one read of the others when they start level', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomInput(seed, { holders: false, loads: false });
      const plan = planAssignment(input);
      assert.ok(spread(totals(input, plan).values()) <= 1, `seed ${seed}: ${[...totals(input, plan).values()]}`);
    }
  });

  it('evens out uneven open loads: the spread never grows beyond max(initial spread, 1)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomInput(seed, { holders: false, loads: true });
      const before = spread(input.candidates.map((c) => input.load!.get(c) ?? 0));
      const after = spread(totals(input, planAssignment(input)).values());
      assert.ok(after <= Math.max(before, 1), `seed ${seed}: spread ${before} -> ${after}`);
    }
    // a reader with 10 open tasks gets nothing until the others have caught up
    const plan = planAssignment({ images: range(6).map((imageId) => ({ imageId, needed: 1 })), candidates: [1, 2, 3], load: new Map([[1, 10]]), seed: 3 });
    assert.deepEqual(plan.assignments.filter((a) => a.userId === 1), []);
  });

  it('stays balanced around images some readers already hold', () => {
    // image 1..10 held by reader 1 (e.g. re-assignment after a skip): the others take those first
    const images = range(40).map((imageId) => ({ imageId, needed: 2, holders: imageId <= 10 ? [1] : [] }));
    const input = { images, candidates: [1, 2, 3, 4], seed: 99 };
    const counts = totals(input, planAssignment(input));
    assert.ok(spread(counts.values()) <= 1, [...counts.values()].join('/'));
  });

  it('is deterministic for a seed, whatever the order of the candidates, and differs between seeds', () => {
    const images = range(50).map((imageId) => ({ imageId, needed: 3 }));
    const a = planAssignment({ images, candidates: [1, 2, 3, 4, 5], seed: 42 });
    const b = planAssignment({ images, candidates: [5, 3, 1, 4, 2, 3], seed: 42 });
    assert.deepEqual(a, b);
    const c = planAssignment({ images, candidates: [1, 2, 3, 4, 5], seed: 43 });
    assert.notDeepEqual(a.assignments, c.assignments);
  });

  it('reports a shortfall when there are fewer candidates than reads', () => {
    const plan = planAssignment({ images: range(5).map((imageId) => ({ imageId, needed: 3 })), candidates: [1, 2], seed: 1 });
    assert.equal(plan.assignments.length, 10);
    assert.equal(plan.shortfall, 5);
    assert.deepEqual(plan.short.map((s) => s.missing), [1, 1, 1, 1, 1]);
    const none = planAssignment({ images: [{ imageId: 1, needed: 2 }], candidates: [], seed: 1 });
    assert.deepEqual(none, { assignments: [], shortfall: 2, short: [{ imageId: 1, missing: 2 }] });
  });
});

describe('shuffledPositions', () => {
  it('is a permutation of 0..n-1, the same for a seed, different for another', () => {
    for (const n of [0, 1, 2, 17, 1000]) {
      const positions = shuffledPositions(n, 5);
      assert.deepEqual([...positions].sort((x, y) => x - y), range(n, 0));
      assert.deepEqual(shuffledPositions(n, 5), positions);
    }
    assert.deepEqual(shuffledPositions(['a', 'b', 'c'], 9), shuffledPositions(3, 9));
    assert.notDeepEqual(shuffledPositions(100, 5), shuffledPositions(100, 6));
    assert.throws(() => shuffledPositions(-1, 1), RangeError);
  });

  it('gives every reader of a project their own order', () => {
    const seeds = range(20).map((user) => readerSeed(123456, user));
    assert.equal(new Set(seeds).size, 20);
    const orders = seeds.map((s) => shuffledPositions(50, s).join(','));
    assert.equal(new Set(orders).size, 20);
    assert.equal(readerSeed(123456, 3), readerSeed(123456, 3, 0));
    assert.notEqual(readerSeed(123456, 3), readerSeed(123457, 3));
    assert.notEqual(readerSeed(123456, 3, 0), readerSeed(123456, 3, 40));
  });

  it('spreads each item over the positions (no position bias)', () => {
    // over 4000 seeds, item 0 lands in each of 8 positions about 500 times
    const hits = new Array<number>(8).fill(0);
    for (let seed = 0; seed < 4000; seed++) hits[shuffledPositions(8, readerSeed(1, seed))[0]!]!++;
    for (const h of hits) assert.ok(h > 400 && h < 600, hits.join(','));
  });
});
