import { join } from 'node:path';
import type { DeidFileOptions } from '@cxrlab/deid';
import { writeFileAtomicSync } from '@cxrlab/pipeline';
import { hasOutput, type MapEntry, type MapStatus } from './deid-map.js';

/** The run summary's name in OUTPUT-DIR. */
export const SUMMARY_NAME = 'deid-summary.json';

export type DeidCounts = Record<MapStatus, number>;

export function countEntries(entries: readonly MapEntry[]): DeidCounts {
  const counts: DeidCounts = { deidentified: 0, 'done-before': 0, duplicate: 0, 'not-image': 0, failed: 0 };
  for (const e of entries) counts[e.status]++;
  return counts;
}

/** What `cxrlab deid verify` reads back: the profile and options the outputs were made with. */
export interface DeidSummary {
  tool: 'cxrlab deid';
  version: number;
  profile: DeidFileOptions['profile'];
  basic_options: NonNullable<DeidFileOptions['basic']>;
  scrub_pixels: DeidFileOptions['scrub'];
  /** Ids and UIDs are keyed (HMAC) rather than plain MD5. */
  keyed: boolean;
  finished_at: string;
  counts: DeidCounts;
  /**
   * Inputs not de-identified, by their number in this run's sorted input list and a code: no paths
   * or UIDs (those are in the private map and on stderr).
   */
  not_done: Array<{ input_number: number; status: MapStatus; code: string }>;
}

export function buildSummary(options: DeidFileOptions, version: number, entries: readonly MapEntry[]): DeidSummary {
  const notDone = entries.flatMap((e, index) => (hasOutput(e) ? [] : [{ input_number: index + 1, status: e.status, code: e.code ?? 'ERR_UNKNOWN' }]));
  return {
    tool: 'cxrlab deid',
    version,
    profile: options.profile,
    basic_options: options.profile === 'basic' ? options.basic ?? {} : {},
    scrub_pixels: options.scrub,
    keyed: options.key !== undefined,
    finished_at: new Date().toISOString(),
    counts: countEntries(entries),
    not_done: notDone,
  };
}

export function writeSummary(outDir: string, summary: DeidSummary): void {
  writeFileAtomicSync(join(outDir, SUMMARY_NAME), `${JSON.stringify(summary, null, 2)}\n`);
}
