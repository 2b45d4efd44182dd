// What `cxrlab import` prints when it is done: the counts, then every refused and failed file with why.
import type { ImportResult } from '@cxrlab/server';

export function importSummary(result: ImportResult, project: string, split: string, ms: number): string {
  const files = result.added + result.unchanged + result.refused.length + result.failed.length;
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped (not DICOM)` : '';
  const lines = [
    `cxrlab import: ${files} files into project ${project} (${split}) in ${(ms / 1000).toFixed(1)} s: ${result.added} added, ${result.unchanged} unchanged, ${result.refused.length} refused, ${result.failed.length} failed${skipped}`,
  ];
  if (result.refused.length > 0) lines.push('refused:', ...result.refused.map((r) => `  ${r.file}: ${r.reason}`));
  if (result.failed.length > 0) lines.push('failed:', ...result.failed.map((f) => `  ${f.file}: ${f.reason}`));
  return lines.join('\n') + '\n';
}
