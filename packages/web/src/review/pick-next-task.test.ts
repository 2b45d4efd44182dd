import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextCandidates, waitingOnOthers } from './pick-next-task.js';

describe('next review task', () => {
  it('tries tasks in progress first, then pending ones, by position, never the current one', () => {
    const inProgress = [{ id: 7, position: 3 }, { id: 5, position: 1 }];
    const pending = [{ id: 9, position: 0 }];
    assert.deepEqual(nextCandidates(inProgress, pending, undefined), [5, 7, 9]);
    assert.deepEqual(nextCandidates(inProgress, pending, 5), [7, 9]);
    assert.deepEqual(nextCandidates([{ id: 5, position: 1 }], [], 5), []);
  });

  it('skips a task whose open consensus the caller already approved as it stands', () => {
    const approval = (mine: boolean, current: boolean) => ({ reviewer: 'Reviewer 1', version: 2, mine, current });
    assert.equal(waitingOnOthers({ consensus: { status: 'open' }, approvals: [approval(true, true)] }), true);
    assert.equal(waitingOnOthers({ consensus: { status: 'open' }, approvals: [approval(false, true)] }), false);
    assert.equal(waitingOnOthers({ consensus: { status: 'open' }, approvals: [approval(true, false)] }), false);
    assert.equal(waitingOnOthers({ consensus: { status: 'open' }, approvals: [] }), false);
  });
});
