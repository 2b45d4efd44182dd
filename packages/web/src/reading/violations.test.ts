import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { boxIndexOf, isBoxConflict } from './violations.js';

describe('violations in the validation list', () => {
  it('names the box a path is about', () => {
    assert.equal(boxIndexOf('boxes[2]'), 2);
    assert.equal(boxIndexOf('boxes[12].xMax'), 12);
    assert.equal(boxIndexOf('globals[0]'), undefined);
    assert.equal(boxIndexOf(undefined), undefined);
  });

  it('recognises the exclusive-label-with-boxes conflict', () => {
    assert.equal(isBoxConflict({ code: 'NO_FINDING_WITH_BOXES', message: '' }), true);
    assert.equal(isBoxConflict({ code: 'EXCLUSIVE_LABEL_WITH_BOXES', message: '' }), true);
    assert.equal(isBoxConflict({ code: 'NO_FINDING_WITH_LABELS', message: '' }), false);
  });
});
