// 16-bit samples and their little-endian bytes (the pixel blob's byte order), views where the host allows.

const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** The samples' bytes, little endian (a view on little-endian hosts). */
export function littleEndianBytes(data: Uint16Array): Buffer {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return HOST_LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap16();
}

/** The samples in little-endian bytes (a view when the host is little endian and the bytes are 2-aligned). */
export function samplesFromLittleEndian(bytes: Uint8Array): Uint16Array {
  if (bytes.length % 2 !== 0) throw new RangeError(`${bytes.length} bytes are not whole 16-bit samples`);
  if (HOST_LITTLE_ENDIAN && bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
  const out = new Uint16Array(bytes.length / 2);
  if (HOST_LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes);
  else for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return out;
}
