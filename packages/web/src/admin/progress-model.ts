// The progress and agreement tabs' figures from GET /api/projects/:key/progress, as chart rows.
import type { ProjectProgress, ReaderProgress } from '@cxrlab/server/api-types';
import type { BarDatum } from './charts/BarChart.js';
import type { StackRow } from './charts/StackedBarChart.js';
import type { Domain } from './charts/scale.js';
import { formatDuration, formatStat } from './format.js';

/** "R1 · Annotator 1" (the pseudonym first: it is what exports show). */
export const readerLabel = (r: Pick<ReaderProgress, 'radId' | 'displayName' | 'username'>): string => `${r.radId ?? '–'} · ${r.displayName || r.username}`;

/** Done, remaining and skipped reads per reader, in the server's order (by pseudonym). */
export const readerRows = (readers: readonly ReaderProgress[]): StackRow[] => readers.map((r) => ({ label: readerLabel(r), values: [r.done, r.remaining, r.skipped] }));

/** Median reading time per reader in seconds; readers without a submitted read show "no reads yet". */
export const medianRows = (readers: readonly ReaderProgress[]): BarDatum[] =>
  readers.map((r) => ({ label: readerLabel(r), value: r.medianReadingMs === null ? null : r.medianReadingMs / 1000, valueText: r.medianReadingMs === null ? 'no reads yet' : formatDuration(r.medianReadingMs) }));

/** The overall read counts as labelled numbers, in reading order. */
export function readTiles(p: ProjectProgress): [string, number][] {
  const tiles: [string, number][] = [
    ['images', p.images],
    ['reads needed', p.reads.needed],
    ['submitted', p.reads.submitted],
    ['in progress', p.reads.inProgress],
    ['not started', p.reads.pending],
    ['skipped', p.reads.skipped],
  ];
  if (p.consensus !== undefined) tiles.push(['consensus open', p.consensus.open], ['consensus final', p.consensus.final]);
  return tiles;
}

/** Landis and Koch's bands: >= 0.6 substantial (ok), >= 0.4 moderate, >= 0.2 fair (warn), below poor. */
export function kappaTone(kappa: number | null): string | undefined {
  if (kappa === null) return undefined;
  if (kappa >= 0.6) return 'bar-ok';
  if (kappa >= 0.4) return undefined;
  if (kappa >= 0.2) return 'bar-warn';
  return 'bar-bad';
}

type Agreement = NonNullable<ProjectProgress['agreement']>;

/** Kappa per global label, then the overall mean. */
export function kappaRows(a: Agreement): BarDatum[] {
  const rows: BarDatum[] = a.labels.map((l) => ({ label: l.label, value: l.kappa, valueText: formatStat(l.kappa), tone: kappaTone(l.kappa) }));
  rows.push({ label: 'Overall (mean)', value: a.overall, valueText: formatStat(a.overall), tone: kappaTone(a.overall) });
  return rows;
}

/** The kappa axis: up to 1, down to 0 or (for negative kappas) the next 0.2 below the lowest, never past -1. */
export function kappaDomain(values: readonly (number | null)[]): Domain {
  const lowest = Math.min(0, ...values.filter((v): v is number => v !== null));
  return [lowest < 0 ? Math.max(-1, Math.floor(lowest * 5 + 1e-9) / 5) : 0, 1];
}

/** Box F1 per class (classes with at least one box). */
export const f1Rows = (a: Agreement): BarDatum[] =>
  a.boxes.filter((b) => b.className !== '').map((b) => ({ label: b.className, value: b.f1, valueText: formatStat(b.f1), tone: kappaTone(b.f1) }));
