// Writes an export's files into a folder, each flushed to disk, a few at a time, and returns their
// sizes and SHA-256 digests for the manifest.
import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportFile } from './export-file.js';
import type { ManifestFile } from './export-manifest.js';

const CONCURRENCY = 16;

export async function writeFilesDurably(dir: string, files: readonly ExportFile[]): Promise<ManifestFile[]> {
  const folders = new Set(files.map((f) => dirname(join(dir, f.name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const out = new Array<ManifestFile>(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      const bytes = Buffer.from(file.content, 'utf8');
      await writeDurably(join(dir, file.name), bytes);
      out[i] = { name: file.name, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
  return out;
}

/** Writes and flushes one file; by default it must not exist yet. */
export async function writeDurably(path: string, bytes: Uint8Array, flag: 'wx' | 'w' = 'wx'): Promise<void> {
  const handle = await open(path, flag);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entries (a rename into it) to disk; a no-op where folders cannot be opened. */
export async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // some file systems refuse fsync on a directory; the rename itself is still atomic
  } finally {
    await handle?.close();
  }
}
