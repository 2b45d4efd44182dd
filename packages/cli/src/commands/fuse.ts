import { fuseAnnotations, formatDecimal, writeCsv, type FusionMethod } from '@cxrlab/dataset';
import { readAnnotations, hasReaders } from './dataset/dataset-files.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { decimalNumber, oneOf, parseArguments, wholeNumber } from '../options.js';
import type { Command } from '../run-cli.js';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

const USAGE = `Usage: cxrlab fuse ANNOTATIONS.csv --out CONSENSUS.csv [options]

Fuses the readers' boxes of each image and class into consensus boxes. ANNOTATIONS.csv is
annotations_train.csv (PhysioNet) or train.csv (Kaggle), with a rad_id per row. CONSENSUS.csv has
the annotations_test.csv columns plus score: image_id,class_name,x_min,y_min,x_max,y_max,score,
where score is the number of readers whose boxes agreed (rows without a box, such as No finding,
are kept when most of the image's readers gave them).

Options:
  --method wbf|majority|union|intersection
                     wbf (default): Weighted Boxes Fusion, coordinates the average of the cluster;
                     majority: clusters that at least half the image's readers drew, averaged;
                     union: every cluster, its enclosing box; intersection: clusters every reader
                     drew, their common box
  --iou T            IoU above which two readers' boxes are one finding (default 0.4)
  --min-readers N    keep only consensus boxes that at least N readers drew
`;

const COLUMNS = ['image_id', 'class_name', 'x_min', 'y_min', 'x_max', 'y_max', 'score'];

export async function runFuse(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, method: { type: 'string' }, iou: { type: 'string' }, 'min-readers': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('give one annotations file');
  if (values.out === undefined) throw new UsageError('--out CONSENSUS.csv is required');
  const method = oneOf('--method', values.method ?? 'wbf', ['wbf', 'majority', 'union', 'intersection'] as const) satisfies FusionMethod;
  const iouThreshold = decimalNumber('--iou', values.iou, 0, 1) ?? 0.4;
  const minReaders = wholeNumber('--min-readers', values['min-readers'], 1);
  const started = performance.now();
  const { annotations } = readAnnotations(positionals[0]!);
  if (!hasReaders(annotations)) {
    io.stderr.write(`cxrlab fuse: ${positionals[0]} has no rad_id: it is already one reader's (or a consensus) annotation\n`);
    return ExitCode.failed;
  }
  const fused = fuseAnnotations(annotations, { method, iouThreshold, ...(minReaders !== undefined ? { minReaders } : {}) });
  const rows = fused.map((a) => [a.imageId, a.className, ...(a.box ? [a.box.xMin, a.box.yMin, a.box.xMax, a.box.yMax].map(formatDecimal) : ['', '', '', '']), String(a.score)]);
  writeFileAtomicSync(values.out, writeCsv(COLUMNS, rows));
  const images = new Set(annotations.map((a) => a.imageId)).size;
  const boxes = (list: readonly { box?: unknown }[]): number => list.filter((a) => a.box !== undefined).length;
  io.stderr.write(`cxrlab fuse: ${boxes(annotations)} boxes of ${images} images -> ${boxes(fused)} consensus boxes (${method}, IoU ${iouThreshold}) in ${((performance.now() - started) / 1000).toFixed(2)} s: ${values.out}\n`);
  return ExitCode.ok;
}

export const fuseCommand: Command = { name: 'fuse', usage: USAGE, run: (args, io) => runFuse(args, io) };
