import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { replacementUid } from './replacement-uid.js';

const KEY = new TextEncoder().encode('run key');

describe('replacementUid', () => {
  it('is 2.25. and the decimal of the 128-bit MD5 without a key', () => {
    // MD5("abc") = 900150983cd24fb0d6963f7d28e17f72 (RFC 1321); int(..., 16) = 191415658344158766168031473277922803570
    assert.equal(replacementUid('abc', undefined), '2.25.191415658344158766168031473277922803570');
  });

  it('is deterministic, strips padding, and differs with a key', () => {
    const uid = '1.2.840.10008.1.2.3.4';
    assert.equal(replacementUid(uid, KEY), replacementUid(uid + '\0', KEY));
    assert.notEqual(replacementUid(uid, KEY), replacementUid(uid, undefined));
    assert.notEqual(replacementUid(uid, KEY), replacementUid(uid, new TextEncoder().encode('other key')));
    assert.notEqual(replacementUid(uid, KEY), replacementUid(uid + '5', KEY));
  });

  it('is a valid UID: digits and dots, no leading zero in a component, at most 64 characters', () => {
    for (let i = 0; i < 200; i++) {
      const uid = replacementUid(`1.2.3.${i}`, i % 2 ? KEY : undefined);
      assert.match(uid, /^2\.25\.(0|[1-9][0-9]*)$/);
      assert.ok(uid.length <= 64);
    }
  });
});
