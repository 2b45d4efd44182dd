import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IDLE_MS, ReadingClock } from './reading-clock.js';

describe('reading time', () => {
  it('counts from the start while the reader is active', () => {
    const c = new ReadingClock(0, 1000);
    c.input(11_000);
    assert.equal(c.elapsed(21_000), 20_000);
  });

  it('adds to the time already read', () => {
    const c = new ReadingClock(5_000, 0);
    assert.equal(c.elapsed(1_000), 6_000);
  });

  it('stops counting 60 s after the last input, and resumes with the next', () => {
    const c = new ReadingClock(0, 0);
    c.input(10_000);
    assert.equal(c.elapsed(10_000 + IDLE_MS + 50_000), 10_000 + IDLE_MS, 'idle time is not counted');
    c.input(200_000);
    assert.equal(c.elapsed(205_000), 10_000 + IDLE_MS + 5_000);
  });

  it('does not count while the tab is hidden, and counts again once shown', () => {
    const c = new ReadingClock(0, 0);
    c.setVisible(false, 5_000);
    c.input(8_000); // (events while hidden do not count)
    assert.equal(c.elapsed(30_000), 5_000);
    c.setVisible(true, 40_000);
    assert.equal(c.elapsed(45_000), 10_000);
  });

  it('never goes backwards and ignores a clock that does', () => {
    const c = new ReadingClock(0, 10_000);
    assert.equal(c.elapsed(12_000), 2_000);
    assert.equal(c.elapsed(11_000), 2_000);
    assert.equal(new ReadingClock(-5, 0).elapsed(0), 0);
  });
});
