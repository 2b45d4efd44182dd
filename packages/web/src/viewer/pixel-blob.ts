// Reads the pixel blob of GET /api/images/:id/pixels (after the browser has undone Content-Encoding: deflate):
// the 36-byte 'CXRP' version 2 header of packages/server/src/images/pixel-blob-format.ts and the samples,
// unfiltered with the server's own decodeFilter. Pure (no DOM): runs in the decode worker and in tests.
//
//   0 'CXRP' | 4 version u32 | 8 width u32 | 12 height u32 | 16 bitsStored u32 | 20 flags u32 (bit 0 MONOCHROME1,
//   bit 1 filtered) | 24 offset i32 | 28 min u32 | 32 max u32 | 36 samples (2 * width * height bytes)
import { decodeFilter } from '@cxrlab/server/pixel-filter';
import type { PixelImage } from './types.js';

export const PIXEL_BLOB_VERSION = 2;
export const PIXEL_BLOB_HEADER_BYTES = 36;
const FLAG_MONOCHROME1 = 1;
const FLAG_FILTERED = 2;
/** Larger than any radiograph; keeps a corrupt header from asking for gigabytes. */
export const MAX_BLOB_SIDE = 32768;

/** A blob that is not what the format says: names the field and its byte offset. */
export class PixelBlobError extends Error {
  override readonly name = 'PixelBlobError';
  constructor(
    message: string,
    /** The header field at fault ('magic', 'version', 'width', ..., 'samples'). */
    readonly field: string,
    /** Where that field starts in the (inflated) blob. */
    readonly byteOffset: number,
  ) {
    super(message);
  }
}

/** The header fields, checked. */
export interface PixelBlobHeader {
  version: number;
  width: number;
  height: number;
  bitsStored: number;
  monochrome1: boolean;
  filtered: boolean;
  offset: number;
  min: number;
  max: number;
}

/** True when the bytes start like a zlib stream (CMF 0x78 with a valid check): a blob the browser did not inflate. */
export function looksDeflated(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}

/** Throws PixelBlobError unless the bytes start with 'CXRP' (checks only what is there: a partial download). */
export function checkMagic(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new PixelBlobError('pixel blob is empty (0 bytes)', 'magic', 0);
  const magic = [0x43, 0x58, 0x52, 0x50];
  for (let i = 0; i < Math.min(4, bytes.length); i++) {
    if (bytes[i] !== magic[i]) {
      const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
      const hint = looksDeflated(bytes) ? ' (it is still zlib-compressed: the response lost its Content-Encoding)' : '';
      throw new PixelBlobError(`pixel blob: magic (byte 0) is ${head}, not 'CXRP' (43 58 52 50)${hint}`, 'magic', 0);
    }
  }
}

/** The checked header of a blob (at least its 36 bytes). Throws PixelBlobError naming the field and byte. */
export function readPixelBlobHeader(bytes: Uint8Array): PixelBlobHeader {
  const where = (field: string, at: number) => `pixel blob: ${field} (byte ${at})`;
  checkMagic(bytes);
  if (bytes.length < PIXEL_BLOB_HEADER_BYTES) throw new PixelBlobError(`pixel blob truncated: ${bytes.length} bytes, the header alone is ${PIXEL_BLOB_HEADER_BYTES}`, 'header', bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const version = u32(4);
  if (version !== PIXEL_BLOB_VERSION) throw new PixelBlobError(`${where('version', 4)} is ${version}; this viewer reads version ${PIXEL_BLOB_VERSION}`, 'version', 4);
  const width = u32(8);
  const height = u32(12);
  if (width < 1 || width > MAX_BLOB_SIDE) throw new PixelBlobError(`${where('width', 8)} is ${width} (1..${MAX_BLOB_SIDE})`, 'width', 8);
  if (height < 1 || height > MAX_BLOB_SIDE) throw new PixelBlobError(`${where('height', 12)} is ${height} (1..${MAX_BLOB_SIDE})`, 'height', 12);
  const bitsStored = u32(16);
  if (bitsStored < 1 || bitsStored > 16) throw new PixelBlobError(`${where('bitsStored', 16)} is ${bitsStored} (1..16)`, 'bitsStored', 16);
  const flags = u32(20);
  if ((flags & ~(FLAG_MONOCHROME1 | FLAG_FILTERED)) !== 0) throw new PixelBlobError(`${where('flags', 20)} 0x${flags.toString(16)} name an unknown encoding`, 'flags', 20);
  const offset = view.getInt32(24, true);
  const min = u32(28);
  const max = u32(32);
  if (max > 65535) throw new PixelBlobError(`${where('max', 32)} is ${max}, above 65535`, 'max', 32);
  if (min > max) throw new PixelBlobError(`${where('min', 28)} ${min} is above max ${max}`, 'min', 28);
  return { version, width, height, bitsStored, monochrome1: (flags & FLAG_MONOCHROME1) !== 0, filtered: (flags & FLAG_FILTERED) !== 0, offset, min, max };
}

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Parses an inflated blob into a PixelImage (without histogram or levels). Throws PixelBlobError. */
export function parsePixelBlob(id: number, bytes: Uint8Array): PixelImage {
  const h = readPixelBlobHeader(bytes);
  const n = h.width * h.height;
  const expected = PIXEL_BLOB_HEADER_BYTES + 2 * n;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated' : 'too long';
    throw new PixelBlobError(`pixel blob ${what}: a ${h.width}x${h.height} image needs ${expected} bytes (36 + 2 per sample), got ${bytes.length}`, 'samples', PIXEL_BLOB_HEADER_BYTES);
  }
  const body = bytes.subarray(PIXEL_BLOB_HEADER_BYTES);
  let samples: Uint16Array;
  if (h.filtered) samples = decodeFilter(body, h.width, h.height);
  else if (littleEndian && body.byteOffset % 2 === 0) samples = new Uint16Array(body.buffer, body.byteOffset, n);
  else {
    samples = new Uint16Array(n);
    for (let i = 0; i < n; i++) samples[i] = body[2 * i]! | (body[2 * i + 1]! << 8);
  }
  return { id, width: h.width, height: h.height, bitsStored: h.bitsStored, monochrome1: h.monochrome1, offset: h.offset, min: h.min, max: h.max, samples };
}
