// The pixel blob's lossless filter (format version 2): row deltas, zigzag, byte planes. Pure, no Node APIs:
// the browser's copy of decodeFilter must stay line for line the same.
//
// Per row: the first sample as is, then each sample's difference to its left neighbour, taken modulo 65536
// as a signed 16-bit value and zigzag-encoded (0, -1, 1, -2, 2 ... -> 0, 1, 2, 3, 4 ...), so neighbours of
// similar grey give small codes. The codes are then split into byte planes: the low bytes of every sample,
// then the high bytes, which are mostly zero and compress to almost nothing. Lossless for any input.

/** Filters `width * height` samples (row by row) into `2 * width * height` bytes: low-byte plane, high-byte plane. */
export function encodeFilter(samples: Uint16Array, width: number, height: number): Uint8Array {
  const n = checkSize(samples.length, width, height, 'samples');
  const out = new Uint8Array(2 * n);
  if (n === 0) return out;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let left = samples[row]!;
    out[row] = left & 0xff;
    out[n + row] = left >>> 8;
    for (let i = row + 1; i < row + width; i++) {
      const v = samples[i]!;
      const d = ((v - left) << 16) >> 16; // the difference modulo 65536, as a signed 16-bit value
      const code = ((d << 1) ^ (d >> 31)) & 0xffff; // zigzag
      out[i] = code & 0xff;
      out[n + i] = code >>> 8;
      left = v;
    }
  }
  return out;
}

/** Undoes encodeFilter: `2 * width * height` bytes (low-byte plane, high-byte plane) back to the samples. */
export function decodeFilter(bytes: Uint8Array, width: number, height: number): Uint16Array {
  const n = checkSize(bytes.length / 2, width, height, 'filtered bytes / 2');
  const out = new Uint16Array(n);
  if (n === 0) return out;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let left = bytes[row]! | (bytes[n + row]! << 8);
    out[row] = left;
    for (let i = row + 1; i < row + width; i++) {
      const code = bytes[i]! | (bytes[n + i]! << 8);
      const d = (code >>> 1) ^ -(code & 1); // zigzag back to a signed difference
      left = (left + d) & 0xffff;
      out[i] = left;
    }
  }
  return out;
}

function checkSize(count: number, width: number, height: number, what: string): number {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) throw new RangeError(`bad image size ${width}x${height}`);
  const n = width * height;
  if (count !== n) throw new RangeError(`a ${width}x${height} image has ${n} samples; ${what}: ${count}`);
  return n;
}
