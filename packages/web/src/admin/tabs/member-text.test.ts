import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { movedText } from './member-text.js';

describe('movedText', () => {
  it('says when nothing moved', () => {
    assert.equal(movedText({ reassigned: 0, unassigned: 0 }), 'no open tasks to move');
  });
  it('counts the tasks given to others and those waiting for a new member', () => {
    assert.equal(movedText({ reassigned: 4, unassigned: 0 }), '4 open tasks moved: 4 to other members');
    assert.equal(movedText({ reassigned: 4, unassigned: 3 }), '4 open tasks moved: 1 to other members; 3 wait for another member (add one, then run the assignment)');
  });
});
