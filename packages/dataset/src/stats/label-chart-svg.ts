// The paper's Figure 4 as a self-contained SVG: a horizontal bar chart of images per label, one bar
// per series (training and test set), with axis, gridlines, values on the bars, title and legend.
import { escapeMarkup as esc, formatCount } from './escape-markup.js';
import type { Table2 } from './table2.js';

export interface ChartSeries {
  name: string;
  /** Label name -> count; a label missing here counts 0. */
  values: Record<string, number>;
}

export interface LabelChartData {
  labels: string[];
  series: ChartSeries[];
}

export interface LabelChartOptions {
  title?: string;
  /** Pixels; default 900. */
  width?: number;
  /** A logarithmic count axis (from 0.5, so a count of 1 still shows a bar). Default false. */
  log?: boolean;
  /** Labels ordered by the first series' count, largest first. Default false (given order). */
  sort?: boolean;
  /** Include xmlns (needed for a standalone .svg file; optional inside HTML). Default true. */
  xmlns?: boolean;
}

const COLORS = ['#2b6cb0', '#dd6b20', '#2f855a', '#805ad5'];
const ROW = 26;
const TOP = 78;

/** The chart data of Table 2: every label, series "Training set" and "Test set". */
export function chartDataFromTable2(table: Table2): LabelChartData {
  const labels = [...new Set([...Object.keys(table.train.labels), ...Object.keys(table.test.labels)])];
  const values = (split: Table2['train']): Record<string, number> => Object.fromEntries(Object.entries(split.labels).map(([k, v]) => [k, v.count]));
  return { labels, series: [{ name: 'Training set', values: values(table.train) }, { name: 'Test set', values: values(table.test) }] };
}

/** Tick values and the axis maximum: 1-2-5 steps (linear) or powers of ten (log). */
function axis(max: number, log: boolean): { ticks: number[]; top: number } {
  if (log) {
    const top = 10 ** Math.max(1, Math.ceil(Math.log10(Math.max(max, 1))));
    const ticks: number[] = [];
    for (let t = 1; t <= top; t *= 10) ticks.push(t);
    return { ticks, top };
  }
  const rough = Math.max(max, 1) / 6;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let t = 0; t <= top + step / 2; t += step) ticks.push(t);
  return { ticks, top };
}

export function labelChartSvg(data: LabelChartData, options: LabelChartOptions = {}): string {
  const width = options.width ?? 900;
  const log = options.log ?? false;
  const first = data.series[0];
  const labels = options.sort && first ? [...data.labels].sort((a, b) => (first.values[b] ?? 0) - (first.values[a] ?? 0)) : data.labels;
  const left = Math.min(280, 16 + 6.8 * Math.max(8, ...labels.map((l) => l.length)));
  const plotW = Math.max(100, width - left - 70);
  const plotH = labels.length * ROW;
  const height = TOP + plotH + 52;
  const max = Math.max(0, ...data.series.flatMap((s) => labels.map((l) => s.values[l] ?? 0)));
  const { ticks, top } = axis(max, log);
  const x = (v: number): number => (v <= 0 ? 0 : log ? Math.max(0, (Math.log10(v / 0.5) / Math.log10(top / 0.5)) * plotW) : (v / top) * plotW);
  const n = Math.max(1, data.series.length);
  const barH = Math.max(4, (ROW - 8) / n);
  const title = options.title ?? 'Label distribution';
  const out: string[] = [];
  out.push(`<svg${options.xmlns === false ? '' : ' xmlns="http://www.w3.org/2000/svg"'} width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title" font-family="system-ui, sans-serif">`);
  out.push(`<title id="chart-title">${esc(title)}</title>`, `<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="26" text-anchor="middle" font-size="18" font-weight="bold" fill="#1a202c">${esc(title)}</text>`);
  data.series.forEach((s, i) => {
    const lx = left + i * 170;
    out.push(`<rect x="${lx}" y="42" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`, `<text x="${lx + 18}" y="52" font-size="12" fill="#1a202c">${esc(s.name)}</text>`);
  });
  for (const t of ticks) {
    const tx = (left + x(t)).toFixed(1);
    out.push(`<line x1="${tx}" y1="${TOP}" x2="${tx}" y2="${TOP + plotH}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${tx}" y="${TOP + plotH + 16}" text-anchor="middle" font-size="11" fill="#4a5568">${esc(formatCount(t))}</text>`);
  }
  labels.forEach((label, row) => {
    const y0 = TOP + row * ROW + 4;
    out.push(`<text x="${left - 8}" y="${(y0 + (ROW - 8) / 2 + 4).toFixed(1)}" text-anchor="end" font-size="12" fill="#1a202c">${esc(label)}</text>`);
    data.series.forEach((s, i) => {
      const v = s.values[label] ?? 0;
      const y = y0 + i * barH;
      out.push(`<rect x="${left}" y="${y.toFixed(1)}" width="${x(v).toFixed(1)}" height="${(barH - 1).toFixed(1)}" fill="${COLORS[i % COLORS.length]}"><title>${esc(`${label}, ${s.name}: ${formatCount(v)}`)}</title></rect>`);
      out.push(`<text x="${(left + x(v) + 4).toFixed(1)}" y="${(y + barH / 2 + 3).toFixed(1)}" font-size="11" fill="#2d3748">${esc(formatCount(v))}</text>`);
    });
  });
  out.push(`<line x1="${left}" y1="${TOP}" x2="${left}" y2="${TOP + plotH}" stroke="#4a5568"/>`, `<line x1="${left}" y1="${TOP + plotH}" x2="${left + plotW}" y2="${TOP + plotH}" stroke="#4a5568"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${TOP + plotH + 40}" text-anchor="middle" font-size="12" fill="#1a202c">${log ? 'Images (log scale)' : 'Images'}</text>`);
  out.push('</svg>');
  return out.join('\n');
}
