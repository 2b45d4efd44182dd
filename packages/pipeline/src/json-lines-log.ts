import { appendFileSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '@cxrlab/dicom';

/**
 * A JSON Lines file of records, one per key, that batch runs append to as they finish work (the
 * mechanics shared by resume manifests and run reports). Each record is appended at once, so a run
 * that is killed keeps what it finished; a later line for a key replaces an earlier one; lines that
 * do not parse or fail `isRecord` (the torn end of a killed run, foreign lines) are ignored.
 * compact() rewrites the file atomically, one line per key, sorted by key.
 */
export class JsonLinesLog<T> {
  private readonly records = new Map<string, T>();
  private needsNewline = false;

  private constructor(readonly path: string, private readonly keyOf: (record: T) => string) {}

  /** Loads the file at `path`; a missing file is an empty log. */
  static open<T>(path: string, isRecord: (value: unknown) => value is T, keyOf: (record: T) => string): JsonLinesLog<T> {
    const log = new JsonLinesLog<T>(path, keyOf);
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    log.needsNewline = text.length > 0 && !text.endsWith('\n');
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const record: unknown = JSON.parse(line);
        if (isRecord(record)) log.records.set(keyOf(record), record);
      } catch {
        // a torn or foreign line
      }
    }
    return log;
  }

  get size(): number {
    return this.records.size;
  }

  get(key: string): T | undefined {
    return this.records.get(key);
  }

  values(): T[] {
    return [...this.records.values()];
  }

  /** Records `record`, appending its line to the file now. */
  append(record: T): void {
    this.appendAll([record]);
  }

  /** Records each of `records`, appending their lines to the file now in one write. */
  appendAll(records: readonly T[]): void {
    if (records.length === 0) return;
    for (const record of records) this.records.set(this.keyOf(record), record);
    appendFileSync(this.path, `${this.needsNewline ? '\n' : ''}${records.map((r) => `${JSON.stringify(r)}\n`).join('')}`);
    this.needsNewline = false;
  }

  /** Rewrites the file atomically with the latest record of each key that `keep` accepts, sorted by key. */
  compact(keep: (record: T) => boolean): void {
    const live = this.values().filter(keep).sort((a, b) => {
      const [ka, kb] = [this.keyOf(a), this.keyOf(b)];
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
    writeFileAtomicSync(this.path, live.map((r) => `${JSON.stringify(r)}\n`).join(''));
    this.records.clear();
    for (const r of live) this.records.set(this.keyOf(r), r);
    this.needsNewline = false;
  }
}
