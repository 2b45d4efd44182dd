import { formatTag } from '@cxrlab/dicom';
import type { Failure } from '@cxrlab/pipeline';

/** The stderr line for a failed input: the file, the reason, where in the file, the code. */
export function failureLine(failure: Failure): string {
  const where: string[] = [];
  if (failure.offset !== undefined) where.push(`at byte ${failure.offset}`);
  if (failure.tag !== undefined) where.push(`reading ${formatTag(failure.tag)}`);
  if (failure.path) where.push(`path ${failure.path}`);
  const reason = failure.reason.replace(/\s*\n\s*/g, ' ');
  return `cxrlab convert: ${failure.input}: ${reason}${where.length ? ` (${where.join(', ')})` : ''} [${failure.code}]\n`;
}

export interface ConvertCounts {
  converted: number;
  skipped: number;
  failed: number;
}

function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s % 60).padStart(2, '0')}`;
}

/** "cxrlab convert: 12 converted, 3 skipped, 1 failed in 4.2 s (3.1 files/s)": the rate counts converted and failed files. */
export function summaryLine(counts: ConvertCounts, elapsedMs: number): string {
  const worked = counts.converted + counts.failed;
  const rate = elapsedMs > 0 ? (worked * 1000) / elapsedMs : 0;
  return `cxrlab convert: ${counts.converted} converted, ${counts.skipped} skipped, ${counts.failed} failed in ${duration(elapsedMs)} (${rate.toFixed(1)} files/s)\n`;
}
