// The resume journal beside the manifest: each file's result as soon as it is known, keyed by path
// and valid while the file (size, mtime) and the options (fingerprint) are the same. A killed run
// keeps what it finished; the next run re-checks only the rest and writes the same manifest.
import { basename, dirname, join } from 'node:path';
import type { FilterResult } from '@cxrlab/filter';
import { JsonLinesLog } from '@cxrlab/pipeline';

export interface JournalEntry {
  input: string;
  size: number;
  mtime_ms: number;
  fingerprint: string;
  result: FilterResult;
}

function isEntry(value: unknown): value is JournalEntry {
  const e = value as JournalEntry;
  return typeof e === 'object' && e !== null && typeof e.input === 'string' && typeof e.size === 'number' && typeof e.mtime_ms === 'number'
    && typeof e.fingerprint === 'string' && typeof e.result === 'object' && e.result !== null && Array.isArray(e.result.findings);
}

/** MANIFEST.csv's journal: .MANIFEST.csv.jsonl in the same directory. */
export function journalPath(manifestPath: string): string {
  return join(dirname(manifestPath), `.${basename(manifestPath)}.jsonl`);
}

export class FilterJournal {
  private constructor(private readonly log: JsonLinesLog<JournalEntry>) {}

  static open(manifestPath: string): FilterJournal {
    return new FilterJournal(JsonLinesLog.open(journalPath(manifestPath), isEntry, (e) => e.input));
  }

  /** The result recorded for this file as it is now, with these options; undefined when none. */
  find(input: string, size: number, mtimeMs: number, fingerprint: string): FilterResult | undefined {
    const e = this.log.get(input);
    return e !== undefined && e.size === size && e.mtime_ms === mtimeMs && e.fingerprint === fingerprint ? e.result : undefined;
  }

  /** Appends the entries of a finished batch (one write). */
  record(entries: readonly JournalEntry[]): void {
    this.log.appendAll(entries);
  }

  /** Keeps only the entries of this run's inputs. */
  compact(inputs: ReadonlySet<string>): void {
    this.log.compact((e) => inputs.has(e.input));
  }
}
