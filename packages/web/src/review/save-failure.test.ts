import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../api/api-error.js';
import { classifyFailure, notSavedMessage, pollDecision } from './save-failure.js';

describe('save failures', () => {
  it('a stale version is a conflict carrying the current version, and the notice names who changed it', () => {
    const f = classifyFailure(new ApiError(409, 'ERR_VERSION_CONFLICT', 'the consensus changed', { currentVersion: 7 }));
    assert.deepEqual(f, { kind: 'conflict', currentVersion: 7, message: 'the consensus changed' });
    assert.equal(notSavedMessage(f, 'another reviewer'), 'Your change was not saved: another reviewer changed it first (now version 7).');
  });

  it('tells a final consensus from other conflicts, rules from refusals, and offline from refusals', () => {
    assert.equal(classifyFailure(new ApiError(409, 'ERR_CONFLICT', 'consensus is final')).kind, 'final');
    assert.equal(classifyFailure(new ApiError(409, 'ERR_CONFLICT', 'review task 3 was skipped')).kind, 'readonly');
    assert.equal(classifyFailure(new ApiError(422, 'ERR_RULES', 'breaks', { violations: [] })).kind, 'rules');
    assert.equal(classifyFailure(new ApiError(0, 'ERR_NETWORK', 'unreachable')).kind, 'offline');
    assert.equal(classifyFailure(new ApiError(500, 'ERR_INTERNAL', 'internal error')).kind, 'offline');
    assert.equal(classifyFailure(new ApiError(403, 'ERR_FORBIDDEN', 'only the reviewer')).kind, 'readonly');
    assert.equal(classifyFailure(new ApiError(400, 'ERR_VALIDATION', 'bad label', { field: 'body.globals[0]' })).kind, 'refused');
  });

  it('a poll adopts the server only when nothing local is pending', () => {
    const local = { version: 3, dirty: false, inFlight: false, status: 'open' };
    assert.equal(pollDecision(local, { version: 3, status: 'open' }), 'same');
    assert.equal(pollDecision(local, { version: 4, status: 'open' }), 'adopt');
    assert.equal(pollDecision(local, { version: 3, status: 'final' }), 'adopt');
    assert.equal(pollDecision({ ...local, dirty: true }, { version: 4, status: 'open' }), 'behind', 'an unsaved edit is never overwritten by a poll');
    assert.equal(pollDecision({ ...local, dirty: true }, { version: 3, status: 'open' }), 'same');
    assert.equal(pollDecision(local, { version: 2, status: 'open' }), 'same', 'an answer older than our own save is ignored');
    assert.equal(pollDecision({ ...local, inFlight: true }, { version: 9, status: 'open' }), 'wait');
  });
});
