import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseNextTask, nextTaskQueries } from './next-task-choice.js';

describe('the task to prefetch', () => {
  it('is the first pending task that is not the current one', () => {
    assert.equal(chooseNextTask(5, [{ id: 5, position: 0 }], [{ id: 6, position: 1 }, { id: 7, position: 2 }]), 6);
    assert.equal(chooseNextTask(6, [], [{ id: 6, position: 1 }, { id: 7, position: 2 }]), 7);
  });

  it('prefers another task in progress, as the server does', () => {
    assert.equal(chooseNextTask(5, [{ id: 5, position: 0 }, { id: 9, position: 8 }], [{ id: 6, position: 1 }]), 9);
  });

  it('follows the positions, not the order listed', () => {
    assert.equal(chooseNextTask(1, [], [{ id: 8, position: 7 }, { id: 3, position: 2 }]), 3);
  });

  it('is none when nothing else is left', () => {
    assert.equal(chooseNextTask(5, [{ id: 5, position: 0 }], []), undefined);
    assert.equal(chooseNextTask(5, [], []), undefined);
  });

  it('asks for two of each, annotate tasks only', () => {
    const q = nextTaskQueries('DEMO-TRAIN');
    assert.match(q.pending, /status=pending&kind=annotate&limit=2$/);
    assert.match(q.inProgress, /status=in_progress&kind=annotate&limit=2$/);
  });
});
