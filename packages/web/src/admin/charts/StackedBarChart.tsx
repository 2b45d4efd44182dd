// Stacked horizontal bars (e.g. each reader's done / remaining / skipped): one row per item, the
// segments in series order, every row on the same scale (the largest total spans the plot), the
// counts as text at the right, a legend above. Accessible like BarChart.
import { useId } from 'react';
import { labelColumnWidth, stackSegments } from './scale.js';
import { useWidth } from './use-width.js';
import './charts.css';

export interface StackSeries {
  key: string;
  label: string;
  /** Class giving the segment its fill (see charts.css: seg-done, seg-remaining, seg-skipped, seg-progress). */
  tone: string;
}

export interface StackRow {
  label: string;
  values: readonly number[];
}

export interface StackedBarChartProps {
  title: string;
  description: string;
  series: readonly StackSeries[];
  rows: readonly StackRow[];
  testId?: string;
}

const ROW = 26;
const BAR = 16;

export function StackedBarChart({ title, description, series, rows, testId }: StackedBarChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const id = useId();
  const counts = (r: StackRow) => series.map((s, i) => `${r.values[i] ?? 0} ${s.label.toLowerCase()}`).join(' · ');
  const labelWidth = labelColumnWidth(rows.map((r) => r.label));
  const valueWidth = labelColumnWidth(rows.map(counts), 6.8, 80, 360);
  const plotWidth = Math.max(40, width - labelWidth - valueWidth);
  const max = Math.max(0, ...rows.map((r) => r.values.reduce((s, v) => s + v, 0)));
  const height = rows.length * ROW + 4;
  return (
    <div className="chart" ref={ref} data-testid={testId}>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`chart-swatch ${s.tone}`} />
            {s.label}
          </li>
        ))}
      </ul>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} width={width} height={height} className="chart-svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{`${description} ${rows.map((r) => `${r.label}: ${counts(r)}`).join('; ')}`}</desc>
        {rows.map((r, i) => {
          const y = i * ROW;
          const segments = stackSegments(r.values, max, labelWidth, plotWidth);
          return (
            <g key={`${r.label}-${i}`} className="chart-row">
              <text x={labelWidth - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart-label">
                {r.label}
              </text>
              <rect x={labelWidth} y={y + (ROW - BAR) / 2} width={plotWidth} height={BAR} rx={2} className="chart-track" />
              {segments.map((seg, k) =>
                seg.width > 0 ? <rect key={series[k]?.key ?? k} x={seg.x} y={y + (ROW - BAR) / 2} width={seg.width} height={BAR} className={`chart-seg ${series[k]?.tone ?? ''}`} /> : null,
              )}
              <text x={width - 4} y={y + ROW / 2 + 4} textAnchor="end" className="chart-value">
                {counts(r)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
