// A self-contained HTML report of a release's statistics: Table 2 as an HTML table and the label
// chart inline, with inline CSS and no external resources; every text escaped.
import { escapeMarkup as esc, formatCount } from './escape-markup.js';
import { chartDataFromTable2, labelChartSvg, type LabelChartOptions } from './label-chart-svg.js';
import type { SplitFigures, Table2 } from './table2.js';

export interface StatsReportOptions {
  /** Page and heading title; default "Dataset statistics". */
  title?: string;
  /** A paragraph under the heading (plain text). */
  description?: string;
  /** Options of the chart (its xmlns is always left out inside HTML). */
  chart?: LabelChartOptions;
}

const CSS = `body{font-family:system-ui,sans-serif;margin:24px auto;max-width:960px;color:#1a202c;padding:0 12px}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid #e2e8f0;padding:4px 10px;text-align:right}
th:first-child,td:first-child{text-align:left}
thead th{background:#f7fafc;border-bottom:2px solid #cbd5e0}
tr.section td{background:#edf2f7;font-weight:bold;text-align:left}
figure{margin:0;overflow-x:auto}`;

/** Bytes with a binary unit (1.5 GiB) and the exact figure. */
function bytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${formatCount(n)} bytes` : `${v.toFixed(1)} ${units[u]} (${formatCount(n)} bytes)`;
}

const DASH = '\u2013';
type Row = [string, (s: SplitFigures) => string];

const FIGURES: Row[] = [
  ['Images', (s) => formatCount(s.images)],
  ['Readers per image', (s) => (s.readers_per_image_min === undefined ? String(s.readers_per_image) : `${s.readers_per_image} (${s.readers_per_image_min}${DASH}${s.readers_per_image_max})`)],
  ['Images with DICOM facts', (s) => (s.images_with_facts === undefined ? DASH : formatCount(s.images_with_facts))],
  ['Median image size (rows \u00d7 columns)', (s) => (s.median_image_size ? `${s.median_image_size.rows} \u00d7 ${s.median_image_size.columns}` : DASH)],
  ['Median age (years)', (s) => (s.median_age === undefined ? DASH : String(s.median_age))],
  ['Sex: male / female / other or unknown', (s) => (s.sex_percent ? `${s.sex_percent.M}% / ${s.sex_percent.F}% / ${s.sex_percent.other_unknown}%` : DASH)],
  ['Data size', (s) => (s.data_size_bytes === undefined ? DASH : bytes(s.data_size_bytes))],
];

/** Table 2 as an HTML table: general figures (those neither split has left out), then per label "count (percent%)" of positive images. */
export function table2Html(table: Table2): string {
  const row = (cells: string[]): string => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
  const labels = [...new Set([...Object.keys(table.train.labels), ...Object.keys(table.test.labels)])];
  const label = (s: SplitFigures, name: string): string => {
    const f = s.labels[name];
    return f === undefined ? DASH : `${formatCount(f.count)} (${f.percent.toFixed(2)}%)`;
  };
  return [
    '<table>',
    '<thead><tr><th>Characteristic</th><th>Training set</th><th>Test set</th></tr></thead>',
    '<tbody>',
    ...FIGURES.map(([name, value]) => [name, value(table.train), value(table.test)]).filter((cells) => cells[1] !== DASH || cells[2] !== DASH).map(row),
    '<tr class="section"><td colspan="3">Images positive per label (majority vote for training, consensus for test)</td></tr>',
    ...labels.map((name) => row([name, label(table.train, name), label(table.test, name)])),
    '</tbody>',
    '</table>',
  ].join('\n');
}

/** The whole report page: heading, Table 2, the label chart. */
export function statsReportHtml(table: Table2, options: StatsReportOptions = {}): string {
  const title = options.title ?? 'Dataset statistics';
  const chart = labelChartSvg(chartDataFromTable2(table), { title: 'Images per label', ...options.chart, xmlns: false });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${esc(title)}</h1>`,
    ...(options.description === undefined ? [] : [`<p>${esc(options.description)}</p>`]),
    '<h2>Table 2: characteristics of the data</h2>',
    table2Html(table),
    '<h2>Label distribution</h2>',
    `<figure>${chart}</figure>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
