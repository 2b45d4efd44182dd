import type { PixelDescription } from './pixel-description.js';

/** The typed arrays pixel values are held in; the same dtypes as pydicom's `pixel_array`. */
export type PixelArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

/**
 * One decoded frame: stored pixel values (before any LUT), samples interleaved, unused high bits
 * masked off and, for signed data, sign-extended from Bits Stored.
 */
export interface DecodedFrame {
  rows: number;
  columns: number;
  samplesPerPixel: number;
  bitsStored: number;
  signed: boolean;
  /**
   * The photometric interpretation of `data`; differs from the header's when the codec converted
   * colour (a JPEG Baseline YBR_FULL_422 frame comes out RGB, as with pydicom + GDCM).
   */
  photometricInterpretation: string;
  data: PixelArray;
}

/** The typed array pydicom would use for this description (Bits Allocated 1 unpacks to uint8). */
export function allocatePixels(d: Pick<PixelDescription, 'bitsAllocated' | 'pixelRepresentation'>, length: number): PixelArray {
  const signed = d.pixelRepresentation === 1;
  switch (d.bitsAllocated) {
    case 1:
      return new Uint8Array(length);
    case 8:
      return signed ? new Int8Array(length) : new Uint8Array(length);
    case 16:
      return signed ? new Int16Array(length) : new Uint16Array(length);
    default:
      return signed ? new Int32Array(length) : new Uint32Array(length);
  }
}

/** A typed view of the same bytes (no copy when aligned). */
export function viewAs(bytes: Uint8Array, d: Pick<PixelDescription, 'bitsAllocated' | 'pixelRepresentation'>): PixelArray {
  const size = d.bitsAllocated <= 8 ? 1 : d.bitsAllocated === 16 ? 2 : 4;
  const aligned = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  const count = Math.floor(aligned.byteLength / size);
  const signed = d.pixelRepresentation === 1;
  if (size === 1) return signed ? new Int8Array(aligned.buffer, aligned.byteOffset, count) : new Uint8Array(aligned.buffer, aligned.byteOffset, count);
  if (size === 2) return signed ? new Int16Array(aligned.buffer, aligned.byteOffset, count) : new Uint16Array(aligned.buffer, aligned.byteOffset, count);
  return signed ? new Int32Array(aligned.buffer, aligned.byteOffset, count) : new Uint32Array(aligned.buffer, aligned.byteOffset, count);
}
