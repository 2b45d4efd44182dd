/** Fast conversions from bytes or UTF-16 code units to strings, shared by the decoders. */
import { Buffer, isAscii } from 'node:buffer';

export const REPLACEMENT = 0xfffd;

/** ISO 8859-1 decoding (byte n -> U+00nn). TextDecoder cannot do this: WHATWG maps 'latin1' to windows-1252. */
export function latin1(bytes: Uint8Array): string {
  // short values (most of them) are cheaper without the Buffer object
  if (bytes.length <= 64) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/** The string made of the first `length` UTF-16 code units in `units`. */
export function fromCodeUnits(units: Uint16Array, length: number = units.length): string {
  const view = new Uint8Array(units.buffer, units.byteOffset, length * 2);
  return utf16.decode(view);
}

/** True when every byte is below 0x80 and none is ESC. */
export function isPlainAscii(bytes: Uint8Array): boolean {
  return isAscii(bytes) && bytes.indexOf(0x1b) < 0;
}

/** Adds `message` to `warnings` unless it is already there. */
export function warnOnce(warnings: string[], message: string): void {
  if (!warnings.includes(message)) warnings.push(message);
}

/** True when `text` contains a lone surrogate (which no encoding can represent). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

export function describeChar(cp: number): string {
  return `'${String.fromCodePoint(cp)}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}
