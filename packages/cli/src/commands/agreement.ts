import { boxAgreement, labelAgreement, writeCsv } from '@cxrlab/dataset';
import { readAnnotations, readImageLabels } from './dataset/dataset-files.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { decimalNumber, oneOf, parseArguments, wholeNumber } from '../options.js';
import type { Command } from '../run-cli.js';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

const USAGE = `Usage: cxrlab agreement [--labels IMAGE_LABELS.csv] [--boxes ANNOTATIONS.csv] [options]

Inter-reader agreement of a multi-reader set (image_labels_train.csv, annotations_train.csv or
Kaggle's train.csv): for each global label (--which all: every label) Fleiss' kappa over the images
read by the usual number of readers, and Cohen's kappa for each pair of readers over the images
both read; for boxes, per class, the readers' boxes matched one to one (highest IoU first, at IoU
>= --iou) on each image two readers both read: mean IoU of the matched pairs and F1.

Options:
  --labels FILE       image-level labels, one row per reader and image
  --boxes FILE        annotations with rad_id
  --which global|all  the labels for kappa (default global)
  --iou T             IoU for a box match (default 0.4)
  --min-common N      reader pairs with fewer common images are flagged (default 20)
  --csv PREFIX        also write PREFIX-fleiss.csv, PREFIX-pairs.csv and PREFIX-boxes.csv
`;

const f = (n: number, digits = 3): string => (Number.isNaN(n) ? 'n/a' : n.toFixed(digits));

export async function runAgreement(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: { labels: { type: 'string' }, boxes: { type: 'string' }, which: { type: 'string' }, iou: { type: 'string' }, 'min-common': { type: 'string' }, csv: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected ${positionals[0]}: name the files with --labels and --boxes`);
  if (values.labels === undefined && values.boxes === undefined) throw new UsageError('give --labels, --boxes or both');
  const which = oneOf('--which', values.which ?? 'global', ['global', 'all'] as const);
  const iouThreshold = decimalNumber('--iou', values.iou, 0, 1) ?? 0.4;
  const minCommonImages = wholeNumber('--min-common', values['min-common'], 1) ?? 20;
  const out: string[] = [];
  if (values.labels !== undefined) {
    const result = labelAgreement(readImageLabels(values.labels), { labels: which, minCommonImages });
    out.push(`Fleiss' kappa (${result.raters} readers per image, ${result.imagesUsed} images; ${result.imagesLeftOut} with another number of readers left out)`);
    for (const r of result.fleiss) out.push(`  ${r.label.padEnd(28)} ${f(r.kappa).padStart(7)}   positive ratings ${r.positiveRatings}`);
    const pairs = new Map<string, typeof result.pairwise>();
    for (const row of result.pairwise) {
      const key = `${row.readerA}-${row.readerB}`;
      pairs.set(key, [...(pairs.get(key) ?? []), row]);
    }
    out.push('', `Cohen's kappa, ${pairs.size} reader pairs (* fewer than ${minCommonImages} common images)`);
    for (const [pair, rows] of pairs) {
      out.push(`  ${pair.padEnd(10)} ${String(rows[0]!.commonImages).padStart(6)} images  ${rows.map((r) => `${r.label} ${f(r.kappa)}`).join(', ')}${rows[0]!.flagged ? ' *' : ''}`);
    }
    if (values.csv !== undefined) {
      writeFileAtomicSync(`${values.csv}-fleiss.csv`, writeCsv(['label', 'kappa', 'images', 'raters', 'positive_ratings'], result.fleiss.map((r) => [r.label, String(r.kappa), String(r.images), String(r.raters), String(r.positiveRatings)])));
      writeFileAtomicSync(`${values.csv}-pairs.csv`, writeCsv(['label', 'reader_a', 'reader_b', 'common_images', 'both_positive', 'only_a', 'only_b', 'both_negative', 'kappa', 'flagged'],
        result.pairwise.map((p) => [p.label, p.readerA, p.readerB, String(p.commonImages), String(p.bothPositive), String(p.onlyA), String(p.onlyB), String(p.bothNegative), String(p.kappa), p.flagged ? '1' : '0'])));
    }
  }
  if (values.boxes !== undefined) {
    const result = boxAgreement(readAnnotations(values.boxes).annotations, { iouThreshold });
    if (out.length > 0) out.push('');
    out.push(`Boxes, reader pairs matched at IoU >= ${iouThreshold}`, `  ${'class'.padEnd(22)} ${'pairs'.padStart(8)} ${'boxes'.padStart(8)} ${'matched'.padStart(8)} ${'F1'.padStart(6)} ${'mean IoU'.padStart(9)}`);
    for (const c of result.classes) out.push(`  ${c.className.padEnd(22)} ${String(c.pairImages).padStart(8)} ${String(c.boxes).padStart(8)} ${String(c.matched).padStart(8)} ${f(c.f1).padStart(6)} ${f(c.meanIou).padStart(9)}`);
    if (values.csv !== undefined) {
      writeFileAtomicSync(`${values.csv}-boxes.csv`, writeCsv(['class_name', 'pair_images', 'boxes', 'matched', 'f1', 'mean_iou'], result.classes.map((c) => [c.className, String(c.pairImages), String(c.boxes), String(c.matched), String(c.f1), String(c.meanIou)])));
    }
  }
  io.stdout.write(`${out.join('\n')}\n`);
  return ExitCode.ok;
}

export const agreementCommand: Command = { name: 'agreement', usage: USAGE, run: (args, io) => runAgreement(args, io) };
