import type { DeidCounts } from './deid-summary.js';
import type { MapEntry } from './deid-map.js';

/** The stderr line for an input not de-identified: its number, path, reason and code. */
export function problemLine(entry: MapEntry, inputNumber: number): string {
  const reason = (entry.reason ?? '').replace(/\s*\n\s*/g, ' ');
  return `cxrlab deid: #${inputNumber} ${entry.source}: ${reason} [${entry.code ?? 'ERR_UNKNOWN'}]\n`;
}

function duration(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "cxrlab deid: 58 de-identified, 2 done before, 1 duplicate, 1 not an image, 0 failed in 4.2 s (13.8 files/s, 190 MB/s)". */
export function summaryLine(counts: DeidCounts, bytesIn: number, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs, 1) / 1000;
  const rate = `${(counts.deidentified / seconds).toFixed(1)} files/s, ${(bytesIn / 1e6 / seconds).toFixed(0)} MB/s`;
  return `cxrlab deid: ${counts.deidentified} de-identified, ${counts['done-before']} done before, ${counts.duplicate} duplicate${counts.duplicate === 1 ? '' : 's'}, `
    + `${counts['not-image']} not an image, ${counts.failed} failed in ${duration(elapsedMs)} (${rate})\n`;
}
