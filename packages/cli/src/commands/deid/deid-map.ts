import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

/** What became of one input, in the private map. */
export type MapStatus = 'deidentified' | 'done-before' | 'duplicate' | 'not-image' | 'failed';

/**
 * One input in the private mapping (`--map FILE`): where it came from, its original UIDs, the image
 * id it became, and the identifying values the profile removed or replaced (which `cxrlab deid
 * verify --map` looks for in the outputs). This file links outputs back to patients: it is written
 * only where the user asks, with mode 0600, never inside OUTPUT-DIR.
 */
export interface MapEntry {
  source: string;
  /** The path under the input directory it was found in. */
  relative_path: string;
  size: number;
  mtime_ms: number;
  status: MapStatus;
  image_id?: string;
  study_instance_uid?: string;
  series_instance_uid?: string;
  sop_instance_uid?: string;
  values?: string[];
  code?: string;
  reason?: string;
}

/** The input has its output: de-identified in this run or an earlier one. */
export const hasOutput = (entry: MapEntry): boolean => entry.status === 'deidentified' || entry.status === 'done-before';

function isEntry(value: unknown): value is MapEntry {
  const e = value as Partial<MapEntry> | null;
  return typeof e === 'object' && e !== null && typeof e.source === 'string' && typeof e.status === 'string';
}

/** Reads a map file; a missing file is an empty map. Entries are keyed by source path. */
export function readMap(path: string): Map<string, MapEntry> {
  const entries = new Map<string, MapEntry>();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return entries;
    throw error;
  }
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new Error(`${path}: line ${index + 1} is not JSON`);
    }
    if (!isEntry(entry)) throw new Error(`${path}: line ${index + 1} is not a map entry (no source or status)`);
    entries.set(entry.source, entry);
  });
  return entries;
}

/** Writes the map atomically with mode 0600, sorted by source path. */
export function writeMap(path: string, entries: Map<string, MapEntry>): void {
  const sorted = [...entries.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  writeFileAtomicSync(path, sorted.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
}
