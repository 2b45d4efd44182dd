// Where snapshots live: <dataDir>/exports/<KEY>/<number>-<format>/, and the checks that keep every
// path taken from the database or a URL inside that folder.
import { resolve, sep } from 'node:path';

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function exportsFolder(dataDir: string, key: string): string {
  if (!SAFE_KEY.test(key)) throw new Error(`project key ${JSON.stringify(key)} cannot name a folder`);
  return resolve(dataDir, 'exports', key);
}

export const snapshotFolderName = (number: number, format: string): string => `${number}-${format}`;

/** The absolute folder of a snapshot recorded as `relative` (the exports table's path), or undefined when it would leave <dataDir>/exports. */
export function snapshotFolder(dataDir: string, relative: string): string | undefined {
  const base = resolve(dataDir, 'exports');
  const folder = resolve(dataDir, relative);
  return folder.startsWith(base + sep) ? folder : undefined;
}

/** The absolute path of `name` inside `folder`, or undefined when it would leave it. */
export function fileInside(folder: string, name: string): string | undefined {
  const path = resolve(folder, name);
  return path.startsWith(folder + sep) ? path : undefined;
}
