// One cache entry on disk: the payload and a trailer (magic, length, CRC-32) that tells a whole file from a damaged one.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import * as zlib from 'node:zlib';

const TRAILER_BYTES = 12;
const MAGIC = 0x43525843; // 'CXRC' read as a little-endian uint32

/**
 * Writes `payload` + trailer atomically (temporary file `.name.pid-thread-random.tmp`, fsync, rename), all on the
 * libuv pool. Returns the bytes written. On failure the temporary file is removed and `path` is untouched.
 */
export async function writeCacheFile(path: string, payload: Uint8Array): Promise<number> {
  const trailer = Buffer.alloc(TRAILER_BYTES);
  trailer.writeUInt32LE(MAGIC, 0);
  trailer.writeUInt32LE(payload.length, 4);
  trailer.writeUInt32LE(zlib.crc32(payload) >>> 0, 8);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(payload);
    await handle.writeFile(trailer);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return payload.length + TRAILER_BYTES;
}

export type CacheRead = { state: 'hit'; payload: Uint8Array } | { state: 'missing' } | { state: 'corrupt'; reason: string };

/** Reads an entry: its payload when the trailer's magic, length and CRC-32 all match. */
export async function readCacheFile(path: string): Promise<CacheRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  if (bytes.length < TRAILER_BYTES) return { state: 'corrupt', reason: `${bytes.length} bytes: shorter than the trailer` };
  const end = bytes.length - TRAILER_BYTES;
  if (bytes.readUInt32LE(end) !== MAGIC) return { state: 'corrupt', reason: 'no trailer (truncated?)' };
  const length = bytes.readUInt32LE(end + 4);
  if (length !== end) return { state: 'corrupt', reason: `the trailer says ${length} bytes, the file holds ${end}` };
  const payload = bytes.subarray(0, end);
  if (zlib.crc32(payload) >>> 0 !== bytes.readUInt32LE(end + 8)) return { state: 'corrupt', reason: 'CRC-32 mismatch' };
  return { state: 'hit', payload };
}
