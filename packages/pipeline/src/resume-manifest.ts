import { appendFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.js';

/** One completed output: which input, as it was, made it with which options. */
export interface ManifestEntry {
  /** Absolute path of the input. */
  input: string;
  /** The input's size and modification time when it was read. */
  size: number;
  mtimeMs: number;
  /** optionsFingerprint of everything that shapes the output. */
  fingerprint: string;
  /** The output, relative to the manifest's directory, '/'-separated. */
  output: string;
  /** The output's size when written. */
  outputSize: number;
  /** The options themselves, for people reading the file (not compared). */
  options?: unknown;
}

/** What a run would do for one output; compared with the recorded entry. */
export type ManifestCandidate = Pick<ManifestEntry, 'input' | 'size' | 'mtimeMs' | 'fingerprint' | 'output'>;

function isEntry(value: unknown): value is ManifestEntry {
  const e = value as Partial<ManifestEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.input === 'string' && typeof e.size === 'number' && typeof e.mtimeMs === 'number'
    && typeof e.fingerprint === 'string' && typeof e.output === 'string' && typeof e.outputSize === 'number';
}

/**
 * A JSON Lines record of completed outputs in an output directory, so that a re-run skips them.
 * Each completed output appends one line at once (a run that is killed keeps what it finished);
 * a later line for the same output replaces an earlier one, and lines that do not parse (the torn
 * end of a killed run) are ignored. compact() rewrites the file atomically, one line per output.
 */
export class ResumeManifest {
  private readonly entries = new Map<string, ManifestEntry>();
  private readonly dir: string;
  private needsNewline = false;

  private constructor(readonly path: string) {
    this.dir = dirname(resolve(path));
  }

  /** Loads the manifest at `path`; a missing file is an empty manifest. */
  static open(path: string): ResumeManifest {
    const manifest = new ResumeManifest(path);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    manifest.needsNewline = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry: unknown = JSON.parse(line);
        if (isEntry(entry)) manifest.entries.set(entry.output, entry);
      } catch {
        // a torn or foreign line
      }
    }
    return manifest;
  }

  get size(): number {
    return this.entries.size;
  }

  get(output: string): ManifestEntry | undefined {
    return this.entries.get(output);
  }

  /**
   * True when the output was recorded from this same input (path, size, modification time) with the
   * same options fingerprint, and the output file is still there with the size it was written with.
   */
  isComplete(candidate: ManifestCandidate): boolean {
    const entry = this.entries.get(candidate.output);
    if (!entry || entry.input !== candidate.input || entry.size !== candidate.size || entry.mtimeMs !== candidate.mtimeMs || entry.fingerprint !== candidate.fingerprint) return false;
    try {
      const stats = statSync(resolve(this.dir, entry.output));
      return stats.isFile() && stats.size === entry.outputSize;
    } catch {
      return false;
    }
  }

  /** Records a completed output, appending its line to the file now. */
  record(entry: ManifestEntry): void {
    this.entries.set(entry.output, entry);
    appendFileSync(this.path, `${this.needsNewline ? '\n' : ''}${JSON.stringify(entry)}\n`);
    this.needsNewline = false;
  }

  /** Rewrites the file atomically with the latest entry of each output that still exists, sorted by output. */
  compact(): void {
    const live = [...this.entries.values()].filter((e) => {
      try {
        return statSync(resolve(this.dir, e.output)).isFile();
      } catch {
        return false;
      }
    });
    live.sort((a, b) => (a.output < b.output ? -1 : a.output > b.output ? 1 : 0));
    this.entries.clear();
    for (const e of live) this.entries.set(e.output, e);
    writeFileAtomicSync(this.path, live.map((e) => `${JSON.stringify(e)}\n`).join(''));
    this.needsNewline = false;
  }
}
