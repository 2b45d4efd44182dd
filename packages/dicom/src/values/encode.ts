/** A UID value: ASCII, padded to even length with NUL (PS3.5 9.1). */
export function encodeUID(uid: string): Uint8Array {
  const out = new Uint8Array(uid.length + (uid.length % 2));
  for (let i = 0; i < uid.length; i++) out[i] = uid.charCodeAt(i) & 0x7f;
  return out;
}

/** Text of a VR whose repertoire is the default one (UI, CS, DA, ...), padded to even length with `pad`. */
export function encodeAscii(text: string, pad = 0x20): Uint8Array {
  const out = new Uint8Array(text.length + (text.length % 2));
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  if (text.length % 2) out[text.length] = pad;
  return out;
}

/** Bytes of the default repertoire as a string (one char per byte, as ISO-8859-1). */
export function decodeAscii(bytes: Uint8Array): string {
  if (bytes.length < 64) {
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
    return s;
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
}
