import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { JsonLinesLog } from './json-lines-log.js';

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
 * A JSON Lines record of completed outputs in an output directory, so that a re-run skips them (see
 * JsonLinesLog: appended as outputs complete, torn lines ignored, compacted atomically).
 */
export class ResumeManifest {
  private readonly dir: string;

  private constructor(private readonly log: JsonLinesLog<ManifestEntry>) {
    this.dir = dirname(resolve(log.path));
  }

  /** Loads the manifest at `path`; a missing file is an empty manifest. */
  static open(path: string): ResumeManifest {
    return new ResumeManifest(JsonLinesLog.open(path, isEntry, (e) => e.output));
  }

  get path(): string {
    return this.log.path;
  }

  get size(): number {
    return this.log.size;
  }

  get(output: string): ManifestEntry | undefined {
    return this.log.get(output);
  }

  /**
   * True when the output was recorded from this same input (path, size, modification time) with the
   * same options fingerprint, and the output file is still there with the size it was written with.
   */
  isComplete(candidate: ManifestCandidate): boolean {
    const entry = this.log.get(candidate.output);
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
    this.log.append(entry);
  }

  /** Rewrites the file atomically with the latest entry of each output that still exists, sorted by output. */
  compact(): void {
    this.log.compact((e) => {
      try {
        return statSync(resolve(this.dir, e.output)).isFile();
      } catch {
        return false;
      }
    });
  }
}
