import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFingerprint } from './fingerprint.js';

describe('optionsFingerprint', () => {
  it('ignores key order and undefined members, and changes with any value', () => {
    const a = optionsFingerprint({ format: 'png', window: 'dicom', size: undefined, nested: { b: 1, a: [1, 2] } });
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.equal(a, optionsFingerprint({ nested: { a: [1, 2], b: 1 }, window: 'dicom', format: 'png' }));
    assert.notEqual(a, optionsFingerprint({ nested: { a: [1, 2], b: 1 }, window: 'vindr', format: 'png' }));
    assert.notEqual(a, optionsFingerprint({ nested: { a: [2, 1], b: 1 }, window: 'dicom', format: 'png' }));
    assert.notEqual(optionsFingerprint({ size: 512 }), optionsFingerprint({ size: '512' }));
  });
});
