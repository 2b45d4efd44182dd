import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barDomain, barExtent, labelColumnWidth, linearScale, niceStep, niceTicks, stackSegments } from './scale.js';

describe('linearScale', () => {
  it('maps the domain ends onto the range ends and interpolates between', () => {
    const s = linearScale([0, 10], [100, 300]);
    assert.equal(s(0), 100);
    assert.equal(s(10), 300);
    assert.equal(s(2.5), 150);
  });
  it('maps a degenerate domain to the range start instead of NaN', () => {
    assert.equal(linearScale([3, 3], [10, 20])(3), 10);
  });
});

describe('niceStep and niceTicks', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    assert.equal(niceStep(10, 5), 2);
    assert.equal(niceStep(1, 5), 0.2);
    assert.equal(niceStep(230, 5), 50);
    assert.equal(niceStep(7, 5), 2);
    assert.equal(niceStep(0.9, 4), 0.5);
  });
  it('covers the values with evenly spaced clean ticks', () => {
    assert.deepEqual(niceTicks(0, 7), [0, 2, 4, 6, 8]);
    assert.deepEqual(niceTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(niceTicks(-0.3, 1), [-0.5, 0, 0.5, 1]);
    assert.deepEqual(niceTicks(0, 123), [0, 50, 100, 150]);
  });
  it('has no floating-point noise in tick values', () => {
    for (const t of niceTicks(0, 0.7)) assert.equal(String(t).length <= 4, true, String(t));
  });
  it('survives a zero span and reversed input', () => {
    assert.deepEqual(niceTicks(0, 0), [0, 1]);
    assert.deepEqual(niceTicks(5, 0), niceTicks(0, 5));
    const single = niceTicks(4, 4);
    assert.ok(single[0]! <= 0 && single[single.length - 1]! >= 4);
  });
});

describe('barDomain', () => {
  it('always includes zero and ends on ticks', () => {
    const { domain, ticks } = barDomain([3, 7, null]);
    assert.deepEqual(domain, [0, 8]);
    assert.equal(ticks[0], 0);
    const neg = barDomain([-0.2, 0.6]);
    assert.ok(neg.domain[0] <= -0.2 && neg.domain[0] < 0);
  });
  it('uses a fixed domain when given, with ticks inside it only', () => {
    assert.deepEqual(barDomain([5], [0, 1]).domain, [0, 1]);
    const kappa = barDomain([-0.3], [-0.4, 1]);
    assert.deepEqual(kappa.ticks, [0, 0.5, 1]);
  });
  it('gives a usable domain when every value is null or zero', () => {
    const { domain } = barDomain([null, 0]);
    assert.ok(domain[1] > domain[0]);
  });
});

describe('barExtent', () => {
  const domain = [-1, 1] as const;
  const s = linearScale(domain, [0, 200]);
  it('starts positive bars at the zero line', () => {
    assert.deepEqual(barExtent(0.5, s, domain), { x: 100, width: 50 });
  });
  it('draws negative bars to the left of the zero line', () => {
    assert.deepEqual(barExtent(-0.5, s, domain), { x: 50, width: 50 });
  });
  it('clamps values outside the domain', () => {
    assert.deepEqual(barExtent(3, s, domain), { x: 100, width: 100 });
  });
});

describe('stackSegments', () => {
  it('lays segments end to end in proportion to the total', () => {
    assert.deepEqual(stackSegments([1, 3], 4, 10, 100), [
      { x: 10, width: 25 },
      { x: 35, width: 75 },
    ]);
  });
  it('leaves room for the rest when the values sum to less than the total', () => {
    const [a, b] = stackSegments([1, 1], 4, 0, 100);
    assert.equal(a!.width + b!.width, 50);
  });
  it('gives zero-width segments for a zero total', () => {
    assert.deepEqual(stackSegments([0, 0], 0, 5, 100), [
      { x: 5, width: 0 },
      { x: 5, width: 0 },
    ]);
  });
});

describe('labelColumnWidth', () => {
  it('grows with the longest label within its bounds', () => {
    assert.equal(labelColumnWidth(['ab']), 60);
    assert.ok(labelColumnWidth(['Other lesion (pleural)']) > labelColumnWidth(['Nodule']));
    assert.equal(labelColumnWidth(['x'.repeat(200)]), 240);
  });
});
