import { keyedDigest, stripUidPadding } from './keyed-digest.js';

/**
 * The UID that replaces `uid`: "2.25." followed by the decimal of the first 128 bits of
 * HMAC-SHA256(key, uid), or of MD5(uid) without a key (PS3.5 B.2 UUID-derived form, at most 44 characters).
 * A pure function of (uid, key): the same original always gets the same replacement, so references
 * between instances (Referenced SOP Instance UID, Frame of Reference, Study and Series UIDs) stay
 * consistent across files and runs that share the key.
 */
export function replacementUid(uid: string, key: Uint8Array | undefined): string {
  const bits = keyedDigest(stripUidPadding(uid), key).subarray(0, 16);
  return '2.25.' + BigInt('0x' + bits.toString('hex')).toString(10);
}
