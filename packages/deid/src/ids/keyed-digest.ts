import { createHash, createHmac } from 'node:crypto';

/**
 * The digest every pseudonym of a run is derived from: HMAC-SHA256 under the run's key, so values cannot be
 * recomputed from a PACS without it, or plain MD5 without a key (what the VinDr-CXR release used).
 */
export function keyedDigest(text: string, key: Uint8Array | undefined): Buffer {
  if (key) return createHmac('sha256', key).update(text, 'utf8').digest();
  return createHash('md5').update(text, 'utf8').digest();
}

/** A UID value without the trailing NUL or space padding its encoding may carry. */
export function stripUidPadding(uid: string): string {
  return uid.replace(/[\0 ]+$/, '');
}
