// The manifest CSV: one row per input, in input order, with the decision, the reasons, the score
// and the header values the rules used.
import { REASONS, type FilterResult } from '@cxrlab/filter';
import { toCsv, writeFileAtomicSync, type CsvValue } from '@cxrlab/pipeline';

export const MANIFEST_COLUMNS = [
  'file', 'decision', 'reasons', 'details', 'score',
  'modality', 'body_part_examined', 'view_position', 'image_laterality', 'patient_age', 'patient_sex',
  'rows', 'columns', 'frames', 'photometric_interpretation', 'bits_stored',
] as const;

export interface ManifestRow {
  file: string;
  result: FilterResult;
}

function cells({ file, result }: ManifestRow): CsvValue[] {
  const f = result.facts;
  return [
    file, result.decision, result.findings.map((x) => x.code).join(';'), result.findings.map((x) => `${x.code}: ${x.detail}`).join('; '),
    result.score === undefined ? undefined : result.score.toFixed(6),
    f?.modality, f?.bodyPartExamined, f?.viewPosition, f?.imageLaterality, f?.patientAge, f?.patientSex,
    f?.rows, f?.columns, f === undefined ? undefined : f.numberOfFrames, f?.photometricInterpretation, f?.bitsStored,
  ];
}

export function manifestCsv(rows: readonly ManifestRow[]): string {
  return toCsv(MANIFEST_COLUMNS, rows.map(cells));
}

export function writeManifest(path: string, rows: readonly ManifestRow[]): void {
  writeFileAtomicSync(path, manifestCsv(rows), { mkdir: true });
}

/** Counts by decision and by reason code (reasons in the order of the reason table). */
export function tally(rows: readonly ManifestRow[]): { decisions: Record<'keep' | 'review' | 'drop', number>; reasons: Array<[string, number]> } {
  const decisions = { keep: 0, review: 0, drop: 0 };
  const reasons = new Map<string, number>();
  for (const { result } of rows) {
    decisions[result.decision]++;
    for (const code of new Set(result.findings.map((x) => x.code))) reasons.set(code, (reasons.get(code) ?? 0) + 1);
  }
  const order = Object.keys(REASONS);
  return { decisions, reasons: [...reasons].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])) };
}
