import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { imageId } from './image-id.js';

/** Python's hashlib as an independent reference implementation. */
function python(expression: string, arg: string, key = ''): string {
  const script = `import sys, hashlib, hmac\nuid, key = sys.argv[1], sys.argv[2].encode()\nprint(${expression})`;
  return execFileSync('/usr/bin/python3', ['-c', script, arg, key]).toString().trim();
}

const UIDS = ['1.2.840.113619.2.55.3.604688119.969.1268071029.320', '1.2.3', '2.25.1234567890123456789'];

describe('imageId', () => {
  it('is the MD5 of RFC 1321 for a known input (computed by hand, not by code)', () => {
    assert.equal(imageId('abc', undefined), '900150983cd24fb0d6963f7d28e17f72');
  });

  it('is HMAC-SHA256 truncated to 32 hex digits with a key (RFC 4231 case 2)', () => {
    const key = new TextEncoder().encode('Jefe');
    assert.equal(imageId('what do ya want for nothing?', key), '5bdcc146bf60754e6a042426089575c7');
  });

  it('matches hashlib.md5 for real UIDs, as the VinDr-CXR release computed it', () => {
    for (const uid of UIDS) assert.equal(imageId(uid, undefined), python('hashlib.md5(uid.encode()).hexdigest()', uid));
  });

  it('matches hmac.new(key, uid, sha256) truncated, with a key', () => {
    const key = 'a secret key';
    for (const uid of UIDS) {
      const expected = python('hmac.new(key, uid.encode(), hashlib.sha256).hexdigest()[:32]', uid, key);
      assert.equal(imageId(uid, new TextEncoder().encode(key)), expected);
    }
  });

  it('ignores the NUL or space padding of the encoded UID', () => {
    assert.equal(imageId('1.2.3\0', undefined), imageId('1.2.3', undefined));
    assert.equal(imageId('1.2.3 ', new Uint8Array([1])), imageId('1.2.3', new Uint8Array([1])));
    assert.notEqual(imageId('1.2.3', undefined), imageId('1.2.4', undefined));
  });
});
