// The pixel blob on the wire: a fixed little-endian header and the uint16 samples, zlib-compressed.
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { PixelBlob } from './pixel-blob.js';

/**
 * Layout (all little endian), version 1:
 *
 *   0  'CXRP'          4 bytes magic
 *   4  version         uint32 (PIXEL_BLOB_VERSION)
 *   8  width           uint32
 *  12  height          uint32
 *  16  bitsStored      uint32
 *  20  flags           uint32, bit 0: MONOCHROME1 (the viewer inverts)
 *  24  offset          int32  (modality value = sample - offset)
 *  28  min             uint32
 *  32  max             uint32
 *  36  samples         width * height uint16, row by row
 *
 * The whole is compressed as a zlib stream (RFC 1950), which is what HTTP calls `Content-Encoding: deflate`:
 * a browser inflates it itself and hands the page the bytes above.
 */
export const PIXEL_BLOB_VERSION = 1;
export const PIXEL_BLOB_HEADER_BYTES = 36;
export const PIXEL_BLOB_CONTENT_ENCODING = 'deflate';
/**
 * zlib level 1. Measured on RG1 (1841x1955, 15 bits, 7.20 MB packed): level 1 gives 6.49 MB in ~215 ms,
 * level 6 6.47 MB in ~300 ms; on RG2 (10 bits) 2.83 MB vs 2.71 MB, 87 vs 155 ms.
 */
export const PIXEL_BLOB_DEFLATE_LEVEL = 1;

const MAGIC = 0x50525843; // 'CXRP' read as a little-endian uint32
const FLAG_MONOCHROME1 = 1;

const deflate = promisify(zlib.deflate);

/** The uncompressed blob: header + samples. */
export function packPixelBlob(blob: PixelBlob): Buffer {
  const expected = blob.width * blob.height * 2;
  if (blob.data.length !== expected) throw new Error(`pixel blob of ${blob.width}x${blob.height} needs ${expected} bytes of samples, has ${blob.data.length}`);
  const header = Buffer.alloc(PIXEL_BLOB_HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(PIXEL_BLOB_VERSION, 4);
  header.writeUInt32LE(blob.width, 8);
  header.writeUInt32LE(blob.height, 12);
  header.writeUInt32LE(blob.bitsStored, 16);
  header.writeUInt32LE(blob.photometric === 'MONOCHROME1' ? FLAG_MONOCHROME1 : 0, 20);
  header.writeInt32LE(blob.offset, 24);
  header.writeUInt32LE(blob.min, 28);
  header.writeUInt32LE(blob.max, 32);
  return Buffer.concat([header, blob.data]);
}

/** The compressed blob (zlib off the event loop, `level` default PIXEL_BLOB_DEFLATE_LEVEL). */
export async function encodePixelBlob(blob: PixelBlob, options: { level?: number } = {}): Promise<Uint8Array> {
  return deflate(packPixelBlob(blob), { level: options.level ?? PIXEL_BLOB_DEFLATE_LEVEL });
}

/**
 * Reads a blob, compressed (as encodePixelBlob gives it) or not (as a browser sees it after Content-Encoding).
 * `photometric` comes back as MONOCHROME1 or MONOCHROME2 (the flag). Throws on anything malformed.
 */
export function decodePixelBlob(bytes: Uint8Array): PixelBlob {
  const raw = isPacked(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : inflate(bytes);
  if (!isPacked(raw)) throw new Error('not a pixel blob: no CXRP magic');
  const version = raw.readUInt32LE(4);
  if (version !== PIXEL_BLOB_VERSION) throw new Error(`pixel blob version ${version} is not supported (expected ${PIXEL_BLOB_VERSION})`);
  const width = raw.readUInt32LE(8);
  const height = raw.readUInt32LE(12);
  const length = PIXEL_BLOB_HEADER_BYTES + width * height * 2;
  if (raw.length !== length) throw new Error(`pixel blob of ${width}x${height} should be ${length} bytes, is ${raw.length}`);
  return {
    width,
    height,
    bitsStored: raw.readUInt32LE(16),
    photometric: raw.readUInt32LE(20) & FLAG_MONOCHROME1 ? 'MONOCHROME1' : 'MONOCHROME2',
    offset: raw.readInt32LE(24),
    min: raw.readUInt32LE(28),
    max: raw.readUInt32LE(32),
    data: raw.subarray(PIXEL_BLOB_HEADER_BYTES),
  };
}

function isPacked(bytes: Uint8Array): boolean {
  return bytes.length >= PIXEL_BLOB_HEADER_BYTES && bytes[0] === 0x43 && bytes[1] === 0x58 && bytes[2] === 0x52 && bytes[3] === 0x50;
}

function inflate(bytes: Uint8Array): Buffer {
  try {
    return zlib.inflateSync(bytes);
  } catch (error) {
    throw new Error(`pixel blob does not inflate: ${(error as Error).message}`, { cause: error });
  }
}
