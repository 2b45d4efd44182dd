import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatVotes, isMajority, majorityGlobals, voteRows } from './votes.js';

const LABELS = [
  { name: 'COPD', definition: 'chronic obstructive' },
  { name: 'Pneumonia', definition: 'infection' },
  { name: 'No finding', definition: 'nothing' },
];

describe('votes', () => {
  it('formats votes as chosen/readers', () => {
    assert.equal(formatVotes(2, 3), '2/3');
    assert.equal(formatVotes(0, 3), '0/3');
  });

  it('a majority is strictly more than half of the readers', () => {
    assert.equal(isMajority(2, 3), true);
    assert.equal(isMajority(1, 3), false);
    assert.equal(isMajority(2, 4), false, 'a tie is no majority');
    assert.equal(isMajority(3, 4), true);
    assert.equal(isMajority(0, 0), false);
  });

  it('gives one row per global label in schema order, with the consensus choice and agreement', () => {
    const rows = voteRows(LABELS, { COPD: 2, Pneumonia: 1 }, 3, ['Pneumonia']);
    assert.deepEqual(rows.map((r) => [r.label, r.text, r.majority, r.chosen, r.agrees]), [
      ['COPD', '2/3', true, false, false],
      ['Pneumonia', '1/3', false, true, false],
      ['No finding', '0/3', false, false, true],
    ]);
    assert.deepEqual(majorityGlobals(rows), ['COPD']);
  });
});
