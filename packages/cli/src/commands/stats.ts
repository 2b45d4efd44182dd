import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chartDataFromTable2, imageFacts, imageLabelsPath, labelChartSvg, statsReportHtml, table2, type ImageFacts, type ImageLabels, type SplitFigures, type Table2 } from '@cxrlab/dataset';
import { ProgressReporter, writeFileAtomicSync, type ProgressStream } from '@cxrlab/pipeline';
import { SCHEMA, readImageLabels } from './dataset/dataset-files.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { parseArguments, wholeNumber } from '../options.js';
import type { Command } from '../run-cli.js';

const USAGE = `Usage: cxrlab stats DATASET-DIR [options]

The VinDr-CXR paper's Table 2 for a dataset in the PhysioNet layout (annotations/annotations_*.csv
and annotations/image_labels_*.csv, and optionally train/ and test/ folders of .dicom images):
images, readers per image, and for every label the images positive by majority vote of the
readers (training set) or by the consensus (test set); with images present, also the median image
size and age, the sex percentages and the data size, from the DICOM headers. Prints a table, or
JSON with --json; --svg writes the Figure 4 bar chart, --html a self-contained report.

Options:
  --json              print {"train": {"images", "readers_per_image", "labels": {"<name>": {"count", "percent"}}, ...}, "test": {...}}
  --svg FILE          the label distribution chart (SVG)
  --html FILE         a report with the table and the chart, no external resources
  --log-scale         a logarithmic axis for the chart
  --no-images         do not read the DICOM headers even when the image folders are there
  --test-readers N    readers to report per test image (VinDr: 5; default 1, the consensus row)
`;

/** What Table 2 needs of a split: its image labels (the box annotations are not read) and its image files. */
function readSplit(dir: string, split: 'train' | 'test'): { labels: ImageLabels[] | undefined; images: string[] } {
  const labelsPath = join(dir, imageLabelsPath(split));
  const imagesDir = join(dir, split);
  const images = existsSync(imagesDir) ? readdirSync(imagesDir).filter((n) => /\.(dicom|dcm)$/i.test(n)).sort().map((n) => join(imagesDir, n)) : [];
  return { labels: existsSync(labelsPath) ? readImageLabels(labelsPath) : undefined, images };
}

/** The DICOM facts of the split's images (headers only), with a progress line. */
function factsOf(files: readonly string[], io: CliIO): ImageFacts[] {
  const progress = new ProgressReporter(io.stderr as ProgressStream, { label: 'stats: headers' });
  const facts: ImageFacts[] = [];
  progress.start(files.length);
  for (const path of files) {
    try {
      facts.push(imageFacts(path));
      progress.tick('ok');
    } catch (error) {
      progress.tick('failed');
      progress.log(`cxrlab stats: ${path}: ${(error as Error).message}`);
    }
  }
  progress.finish();
  return facts;
}

function textTable(table: Table2): string {
  const row = (name: string, f: (s: SplitFigures) => string): string => `${name.padEnd(28)}${f(table.train).padStart(18)}${f(table.test).padStart(18)}`;
  const opt = <T>(v: T | undefined, show: (v: T) => string): string => (v === undefined ? '-' : show(v));
  const lines = [
    `${''.padEnd(28)}${'training set'.padStart(18)}${'test set'.padStart(18)}`,
    row('Number of scans', (s) => String(s.images)),
    row('Readers per scan', (s) => String(s.readers_per_image)),
    row('Median image size (RxC)', (s) => opt(s.median_image_size, (m) => `${m.rows} x ${m.columns}`)),
    row('Median age', (s) => opt(s.median_age, (a) => a.toFixed(1))),
    row('Male / female (%)', (s) => opt(s.sex_percent, (p) => `${p.M} / ${p.F}`)),
    row('Data size (GB)', (s) => opt(s.data_size_bytes, (b) => (b / 1e9).toFixed(2))),
    '',
    ...Object.keys(table.train.labels).map((name) => row(name, (s) => { const l = s.labels[name]; return l ? `${l.count} (${l.percent.toFixed(2)}%)` : '-'; })),
  ];
  return lines.join('\n') + '\n';
}

export async function runStats(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false }, svg: { type: 'string' }, html: { type: 'string' },
      'log-scale': { type: 'boolean', default: false }, 'no-images': { type: 'boolean', default: false }, 'test-readers': { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give one dataset directory');
  const dir = positionals[0]!;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a directory`);
  const release = { train: readSplit(dir, 'train'), test: readSplit(dir, 'test') };
  if (release.train.labels === undefined && release.test.labels === undefined) {
    io.stderr.write(`cxrlab stats: ${dir} has neither annotations/image_labels_train.csv nor annotations/image_labels_test.csv\n`);
    return ExitCode.failed;
  }
  const files = values['no-images'] ? [] : [...release.train.images, ...release.test.images];
  const facts = files.length > 0 ? factsOf(files, io) : undefined;
  const consensusReaders = wholeNumber('--test-readers', values['test-readers'], 1);
  const table = table2({ train: release.train.labels ?? [], test: release.test.labels ?? [] }, {
    schema: SCHEMA, ...(facts ? { facts } : {}), ...(consensusReaders !== undefined ? { consensusReaders } : {}),
  });
  const chart = { title: 'Images per label', log: values['log-scale'] };
  if (values.svg !== undefined) writeFileAtomicSync(values.svg, labelChartSvg(chartDataFromTable2(table), chart));
  if (values.html !== undefined) writeFileAtomicSync(values.html, statsReportHtml(table, { title: `Dataset statistics: ${dir}`, chart }));
  io.stdout.write(values.json ? `${JSON.stringify(table)}\n` : textTable(table));
  return ExitCode.ok;
}

export const statsCommand: Command = { name: 'stats', usage: USAGE, run: (args, io) => runStats(args, io) };
