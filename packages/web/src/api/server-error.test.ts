import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serverError } from './server-error.js';

describe('serverError', () => {
  it('reads the server error body with its details', () => {
    const body = { error: { code: 'ERR_CONFLICT', message: 'changed meanwhile', currentVersion: 4, field: 'doc', violations: [{ ruleId: 'r', code: 'c', message: 'm' }] } };
    assert.deepEqual(serverError(body, 'HTTP 409'), {
      code: 'ERR_CONFLICT',
      message: 'changed meanwhile',
      details: { field: 'doc', violations: [{ ruleId: 'r', code: 'c', message: 'm' }], currentVersion: 4 },
    });
  });
  it('falls back to ERR_INTERNAL and the given message without an error in the body', () => {
    for (const body of [undefined, null, 'text', { other: 1 }, { error: {} }]) {
      assert.deepEqual(serverError(body, 'HTTP 502'), { code: 'ERR_INTERNAL', message: 'HTTP 502', details: {} });
    }
  });
});
