import { keyedDigest, stripUidPadding } from './keyed-digest.js';

/**
 * The image id a released file is named by: the lowercase hex MD5 of its SOP Instance UID, as the
 * VinDr-CXR release did, or with a key HMAC-SHA256(key, uid) truncated to 32 hex digits (so it keeps the
 * same shape but cannot be recomputed from the original UID without the key).
 * Note that it is the same 128 bits that `replacementUid` writes in decimal for that UID.
 */
export function imageId(sopInstanceUid: string, key: Uint8Array | undefined): string {
  return keyedDigest(stripUidPadding(sopInstanceUid), key).subarray(0, 16).toString('hex');
}
