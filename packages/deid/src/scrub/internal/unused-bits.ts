import type { PixelDescription } from '@cxrlab/imaging';

/** Raw little-endian words of one native frame, as unsigned integers of Bits Allocated. */
function words(raw: Uint8Array, bitsAllocated: number): Uint8Array | Uint16Array | Uint32Array {
  if (bitsAllocated === 8) return raw;
  const size = bitsAllocated / 8;
  const aligned = raw.byteOffset % size === 0 ? raw : raw.slice();
  const count = Math.floor(aligned.byteLength / size);
  return size === 2 ? new Uint16Array(aligned.buffer, aligned.byteOffset, count) : new Uint32Array(aligned.buffer, aligned.byteOffset, count);
}

/** Whether the words of `d` have bits outside Bits Stored at all. */
export function hasUnusedBits(d: Pick<PixelDescription, 'bitsAllocated' | 'bitsStored' | 'highBit'>): boolean {
  return d.bitsAllocated > d.bitsStored || d.highBit !== d.bitsStored - 1;
}

/**
 * Counts the samples of a native frame whose word has bits set outside the Bits Stored field
 * that ends at High Bit (PS3.5 8.1.1). Such bits are ignored by viewers but may carry overlays
 * (the retired PS3.3 C.9.2 practice of keeping overlay planes in the pixel words), that is burned-
 * in annotation. For signed pixels, high bits that only repeat the sign bit (sign extension, a
 * common way to write them) are not counted. Bits Allocated 8, 16 or 32.
 */
export function countUnusedBits(raw: Uint8Array, d: Pick<PixelDescription, 'bitsAllocated' | 'bitsStored' | 'highBit' | 'pixelRepresentation'>): number {
  const low = d.highBit - d.bitsStored + 1;
  const all = d.bitsAllocated === 32 ? 0xffffffff : 2 ** d.bitsAllocated - 1;
  const below = 2 ** low - 1;
  const above = (all - (2 ** (d.highBit + 1) - 1)) >>> 0;
  const outside = (below | above) >>> 0;
  if (outside === 0) return 0;
  const w = words(raw, d.bitsAllocated);
  let count = 0;
  if (d.pixelRepresentation === 0) {
    for (let i = 0; i < w.length; i++) if ((w[i]! & outside) !== 0) count++;
    return count;
  }
  const sign = 2 ** d.highBit;
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    const high = (v & above) >>> 0;
    const extended = high === above && (v & sign) !== 0;
    if ((v & below) !== 0 || (high !== 0 && !extended)) count++;
  }
  return count;
}
