// Strong ETags for what the server derives from an image file: file identity + output format version.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { imageErrorFrom } from './image-error.js';

/** What identifies a version of a file: its absolute path, size and modification time (ns). */
export interface FileStamp {
  path: string;
  size: number;
  mtimeNs: bigint;
}

/** Stats a file. Throws ImageError (ERR_IMAGE_NOT_FOUND for a missing file). */
export function fileStamp(path: string): FileStamp {
  try {
    const stat = statSync(path, { bigint: true });
    if (!stat.isFile()) throw new Error('not a regular file');
    return { path: resolve(path), size: Number(stat.size), mtimeNs: stat.mtimeNs };
  } catch (error) {
    throw imageErrorFrom(error, path, 'ERR_IMAGE_HEADER', 'cannot stat');
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.path === b.path && a.size === b.size && a.mtimeNs === b.mtimeNs;
}

/**
 * A strong ETag (quoted, as the header carries it): `"<format>-<path hash>-<size>-<mtime>"`, `format` naming the
 * output and its version (e.g. `cxrp1`, `thumb1-256`), so a new format version or a changed file gives a new tag.
 */
export function imageEtag(stamp: FileStamp, format: string): string {
  const pathHash = createHash('sha256').update(stamp.path).digest('hex').slice(0, 16);
  return `"${format}-${pathHash}-${stamp.size.toString(36)}-${stamp.mtimeNs.toString(36)}"`;
}

/** Whether an If-None-Match header value matches `etag` (`*`, a list, W/ prefixes compared weakly as RFC 9110 says). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
