import { readFileSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** One input file and the name of its outputs. */
export interface InputFile {
  /** Absolute path of the file. */
  path: string;
  /**
   * Output name without extension, relative and '/'-separated: the path under the directory it
   * was found in (for a directory argument), the path as written (for a relative --file-list
   * entry without '..'), else the base name; a final .dcm, .dicom or .dic is dropped.
   */
  stem: string;
}

/** Inputs whose stems are equal, ignoring case (they would overwrite each other's outputs). */
export interface Collision {
  stem: string;
  paths: string[];
}

export interface ExpandOptions {
  /** A file listing one input (file or directory) per line; blank lines and lines starting with # are skipped. */
  fileList?: string;
  /** Directories not to walk into (the output directory, when it lies inside an input directory). */
  exclude?: string[];
  /** Base of relative paths (default process.cwd()). */
  cwd?: string;
}

export interface ExpandedInputs {
  /** Every input file once, sorted by path (code point order). */
  files: InputFile[];
  collisions: Collision[];
  /** Directories that could not be listed, and why; the rest of the walk goes on. */
  unreadable: { path: string; reason: string }[];
}

const DICOM_EXTENSION = /\.(dcm|dicom|dic)$/i;

/** The output stem of a relative path: '/'-separated, without a DICOM extension. */
export function outputStem(relativePath: string): string {
  const slashed = relativePath.split(sep).join('/');
  const stripped = slashed.replace(DICOM_EXTENSION, '');
  return stripped === '' || stripped.endsWith('/') ? slashed : stripped;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Walks a directory in sorted order: regular files, following links, skipping hidden entries, excluded directories and cycles. */
function walk(root: string, exclude: Set<string>, add: (path: string, stem: string) => void, unreadable: ExpandedInputs['unreadable']): void {
  const seen = new Set<string>();
  const visit = (dir: string): void => {
    const real = realOrSelf(dir);
    if (seen.has(real) || exclude.has(real)) return;
    seen.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort(byCodePoint);
    } catch (error) {
      unreadable.push({ path: dir, reason: `cannot list directory: ${(error as Error).message}` });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const stats = statOrUndefined(path);
      if (stats?.isDirectory()) visit(path);
      else if (stats?.isFile()) add(path, outputStem(relative(root, path)));
    }
  };
  visit(root);
}

function readFileList(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/**
 * Expands command line inputs (files and directories, walked recursively) and the entries of a
 * file list into input files with their output stems. A path that does not exist is kept as a
 * file (reading it fails later, as one failed input). Throws when the file list cannot be read.
 */
export function expandInputs(args: string[], options: ExpandOptions = {}): ExpandedInputs {
  const cwd = options.cwd ?? process.cwd();
  const exclude = new Set((options.exclude ?? []).map((p) => realOrSelf(resolve(cwd, p))));
  const byPath = new Map<string, InputFile>();
  const unreadable: ExpandedInputs['unreadable'] = [];
  const add = (path: string, stem: string): void => {
    if (!byPath.has(path)) byPath.set(path, { path, stem });
  };
  const expand = (arg: string, listed: boolean): void => {
    const path = resolve(cwd, arg);
    if (statOrUndefined(path)?.isDirectory()) {
      walk(path, exclude, add, unreadable);
      return;
    }
    const keepsDirs = listed && !isAbsolute(arg) && !arg.split(/[\\/]/).includes('..');
    add(path, outputStem(keepsDirs ? relative(cwd, path) : basename(path)));
  };
  for (const arg of args) expand(arg, false);
  if (options.fileList !== undefined) for (const entry of readFileList(resolve(cwd, options.fileList))) expand(entry, true);

  const files = [...byPath.values()].sort((a, b) => byCodePoint(a.path, b.path));
  const byStem = new Map<string, InputFile[]>();
  for (const file of files) {
    const key = file.stem.toLowerCase();
    byStem.set(key, [...(byStem.get(key) ?? []), file]);
  }
  const collisions = [...byStem.values()].filter((group) => group.length > 1).map((group) => ({ stem: group[0]!.stem, paths: group.map((f) => f.path) }));
  return { files, collisions, unreadable };
}

/** The input's path under the directory it was found in (its stem with the extension kept). */
export function inputRelativePath(file: InputFile): string {
  const name = basename(file.path);
  const stemName = file.stem.slice(file.stem.lastIndexOf('/') + 1);
  return name === stemName ? file.stem : `${file.stem}${name.slice(stemName.length)}`;
}
