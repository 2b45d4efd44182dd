// A horizontal bar chart: one labelled row per datum, the bar from the zero line (negative values go
// left), the value as text at the right, tick lines below. Accessible: role img with a title and a
// description that lists every value.
import { useId } from 'react';
import { barDomain, barExtent, labelColumnWidth, linearScale, type Domain } from './scale.js';
import { useWidth } from './use-width.js';
import './charts.css';

export interface BarDatum {
  label: string;
  /** null: no value (drawn as "n/a", no bar). */
  value: number | null;
  /** The value as shown; default format(value). */
  valueText?: string;
  /** Extra class for the bar (e.g. "bar-ok", "bar-warn"). */
  tone?: string;
}

export interface BarChartProps {
  title: string;
  description: string;
  data: readonly BarDatum[];
  /** Fixed value range, e.g. [0, 1] for F1; default: from the data, including 0. */
  domain?: Domain;
  format?: (value: number) => string;
  testId?: string;
}

const ROW = 24;
const BAR = 14;
const AXIS = 22;
const VALUE_COLUMN = 78;

export function BarChart({ title, description, data, domain: fixed, format = (v) => String(v), testId }: BarChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const id = useId();
  const labelWidth = labelColumnWidth(data.map((d) => d.label));
  const plotLeft = labelWidth;
  const plotRight = Math.max(plotLeft + 40, width - VALUE_COLUMN);
  const { domain, ticks } = barDomain(data.map((d) => d.value), fixed);
  const x = linearScale(domain, [plotLeft, plotRight]);
  const height = data.length * ROW + AXIS + 4;
  const text = (d: BarDatum) => d.valueText ?? (d.value === null ? 'n/a' : format(d.value));
  const summary = data.map((d) => `${d.label}: ${text(d)}`).join('; ');
  return (
    <div className="chart" ref={ref} data-testid={testId}>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} width={width} height={height} className="chart-svg">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{`${description} ${summary}`}</desc>
        {ticks.map((t) => (
          <g key={t} className={t === 0 ? 'chart-zero' : 'chart-grid'}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={data.length * ROW} />
            <text x={x(t)} y={data.length * ROW + 15} textAnchor="middle" className="chart-tick">
              {format(t)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const y = i * ROW;
          const bar = d.value === null ? undefined : barExtent(d.value, x, domain);
          return (
            <g key={`${d.label}-${i}`} className="chart-row">
              <text x={plotLeft - 8} y={y + ROW / 2 + 4} textAnchor="end" className="chart-label">
                {d.label.length > 34 ? `${d.label.slice(0, 33)}…` : d.label}
                {d.label.length > 34 && <title>{d.label}</title>}
              </text>
              {bar !== undefined && <rect x={bar.x} y={y + (ROW - BAR) / 2} width={Math.max(bar.width, 1)} height={BAR} rx={2} className={`chart-bar ${d.tone ?? ''}`} />}
              <text x={width - 4} y={y + ROW / 2 + 4} textAnchor="end" className={d.value === null ? 'chart-value muted' : 'chart-value'}>
                {text(d)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
