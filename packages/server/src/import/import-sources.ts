// What an import reads: the files named, and the DICOM files under the directories named (walked
// recursively, hidden entries skipped). In a directory, .dcm/.dicom/.dic files are taken, files without
// an extension only when they carry the DICM preamble, anything else (README, CSV, PNG) is skipped.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { expandInputs } from '@cxrlab/pipeline';

/** A file to import; `name` (default: the file's own name) is what its image id may come from. */
export interface ImportSource {
  path: string;
  name?: string;
}

export interface CollectedSources {
  files: ImportSource[];
  /** Files in the directories that are not DICOM. */
  skipped: string[];
  /** Directories that could not be listed, and why. */
  unreadable: { file: string; reason: string }[];
}

const DICOM_EXTENSIONS = new Set(['.dcm', '.dicom', '.dic']);

/** Whether the file has "DICM" at byte 128 (the Part 10 preamble). */
export function hasDicmPreamble(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 128) === 4 && magic.toString('latin1') === 'DICM';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a file met in a directory walk is one to import. */
export function looksLikeDicom(path: string): boolean {
  const extension = extname(basename(path)).toLowerCase();
  if (DICOM_EXTENSIONS.has(extension)) return true;
  return extension === '' && hasDicmPreamble(path);
}

/** Expands `inputs` (files, directories, or sources with a name) into the files to import, each once. */
export function collectSources(inputs: ReadonlyArray<string | ImportSource>, cwd = process.cwd()): CollectedSources {
  const files: ImportSource[] = [];
  const skipped: string[] = [];
  const unreadable: CollectedSources['unreadable'] = [];
  const seen = new Set<string>();
  const add = (source: ImportSource): void => {
    if (seen.has(source.path)) return;
    seen.add(source.path);
    files.push(source);
  };
  for (const input of inputs) {
    if (typeof input !== 'string') {
      add({ ...input, path: resolve(cwd, input.path) });
      continue;
    }
    const path = resolve(cwd, input);
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // missing: kept as a file, whose read fails later as one failed input
    }
    if (!isDirectory) {
      add({ path });
      continue;
    }
    const expanded = expandInputs([path], { cwd });
    for (const u of expanded.unreadable) unreadable.push({ file: u.path, reason: u.reason });
    for (const file of expanded.files) {
      if (looksLikeDicom(file.path)) add({ path: file.path });
      else skipped.push(file.path);
    }
  }
  return { files, skipped, unreadable };
}
