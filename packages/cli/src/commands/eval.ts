import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SCHEMA, hasReaders, readAnnotations, readText } from './dataset/dataset-files.js';
import { classIdOf, evaluateDetections, fuseAnnotations, readCsvTable, readSubmission, type Annotation, type GroundTruthBox } from '@cxrlab/dataset';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { decimalNumber, oneOf, parseArguments } from '../options.js';
import type { Command } from '../run-cli.js';

const USAGE = `Usage: cxrlab eval --gt ANNOTATIONS.csv --pred SUBMISSION.csv [options]

Scores a detection submission with the VinBigData challenge metric: per class, Pascal VOC average
precision (all-point interpolation; detections sorted by confidence, ties in file order; each
ground-truth box matched at most once; IoU on the real corner coordinates), and the mean over the
classes that have ground truth, with and without class 14 (No finding: a box 0 0 1 1 on each image
whose ground truth says No finding, as the challenge scored it).

--gt is annotations_test.csv (the consensus) or, for a validation split, annotations_train.csv or
Kaggle's train.csv: boxes of several readers are first fused per image and class (--gt-fusion,
default wbf at the same IoU) so that each finding is one ground-truth box.
--pred is a Kaggle submission: image_id,PredictionString ("class conf x_min y_min x_max y_max" ...).

An image with ground truth labels but no box row (only global labels) is still a test image: its
predictions count as false positives. Such images are listed by image_labels_test.csv (or _train),
read from beside --gt when it is there, or by --images.

Options:
  --iou T                  IoU threshold for a match (default 0.4)
  --images FILE            a CSV with an image_id column listing every image of the split
  --gt-fusion wbf|majority|none
                           how several readers' boxes become ground truth (default wbf)
  --unknown-images error|ignore
                           a prediction for an image the ground truth does not hold (default error)
  --json                   print {"mAP", "mAP_without_no_finding", "per_class": {"<class id>": ap}}
`;

function groundTruth(annotations: Annotation[], fusion: 'wbf' | 'majority' | 'none', iouThreshold: number): GroundTruthBox[] {
  const rows = fusion !== 'none' && hasReaders(annotations) ? fuseAnnotations(annotations, { method: fusion, iouThreshold }) : annotations;
  const gt: GroundTruthBox[] = [];
  for (const a of rows) {
    const classId = classIdOf(SCHEMA, a.className);
    if (classId === undefined) continue; // global labels have no class id: not part of the detection task
    gt.push(a.box === undefined ? { imageId: a.imageId, classId } : { imageId: a.imageId, classId, box: a.box });
  }
  return gt;
}

/** The split's images: --images, else image_labels_<split>.csv beside annotations_<split>.csv; undefined if neither. */
function imageList(gtPath: string, explicit: string | undefined): { ids: string[]; from: string } | undefined {
  const split = /^annotations_(train|test)\.csv$/.exec(basename(gtPath))?.[1];
  const path = explicit ?? (split === undefined ? undefined : join(dirname(gtPath), `image_labels_${split}.csv`));
  if (path === undefined || (explicit === undefined && !existsSync(path))) return undefined;
  const table = readCsvTable(readText(path, 'image list'), { file: path, required: ['image_id'] });
  const ids: string[] = [];
  for (const record of table) ids.push(record.text('image_id'));
  return { ids, from: path };
}

const fixed = (n: number): string => (Number.isNaN(n) ? 'n/a' : n.toFixed(4));

export async function runEval(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArguments({
    args,
    options: {
      gt: { type: 'string' },
      pred: { type: 'string' },
      iou: { type: 'string' },
      'gt-fusion': { type: 'string' },
      'unknown-images': { type: 'string' },
      images: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (values.gt === undefined || values.pred === undefined) throw new UsageError('--gt and --pred are both required');
  const iouThreshold = decimalNumber('--iou', values.iou, 0, 1) ?? 0.4;
  const fusion = oneOf('--gt-fusion', values['gt-fusion'] ?? 'wbf', ['wbf', 'majority', 'none'] as const);
  const unknown = oneOf('--unknown-images', values['unknown-images'] ?? 'error', ['error', 'ignore'] as const);

  const { annotations } = readAnnotations(values.gt, 'ground truth');
  const gt = groundTruth(annotations, fusion, iouThreshold);
  const pred = readSubmission(readText(values.pred, 'submission'), SCHEMA, { file: values.pred });
  const listed = imageList(values.gt, values.images);
  const imageIds = new Set([...annotations.map((a) => a.imageId), ...(listed?.ids ?? [])]);
  let result;
  try {
    result = evaluateDetections(gt, pred, { iouThreshold, imageIds, unknownImages: unknown === 'error' ? 'throw' : 'ignore' });
  } catch (error) {
    io.stderr.write(`cxrlab eval: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  const perClass = [...result.perClass].sort((a, b) => a[0] - b[0]);
  if (values.json) {
    const json = { mAP: result.mAP, mAP_without_no_finding: result.mAPWithoutNoFinding, per_class: Object.fromEntries(perClass.filter(([, c]) => c.gtCount > 0).map(([id, c]) => [String(id), c.ap])) };
    io.stdout.write(`${JSON.stringify(json)}\n`);
    return ExitCode.ok;
  }
  const width = Math.max(...SCHEMA.classIds.map((n) => n.length));
  const lines = [`${'id'.padStart(3)}  ${'class'.padEnd(width)}  ${'AP'.padStart(6)}  ${'GT'.padStart(6)}  ${'pred'.padStart(7)}  ${'TP'.padStart(6)}`];
  for (const [id, c] of perClass) {
    lines.push(`${String(id).padStart(3)}  ${(SCHEMA.classIds[id] ?? '?').padEnd(width)}  ${fixed(c.ap).padStart(6)}  ${String(c.gtCount).padStart(6)}  ${String(c.predCount).padStart(7)}  ${String(c.truePositives).padStart(6)}`);
  }
  lines.push('', `mAP@${iouThreshold}: ${fixed(result.mAP)}   without No finding: ${fixed(result.mAPWithoutNoFinding)}   (${pred.length} predictions on ${new Set(pred.map((p) => p.imageId)).size} images; ${gt.length} ground-truth boxes on ${imageIds.size} images${listed ? ` listed by ${basename(listed.from)}` : ''}${fusion !== 'none' && hasReaders(annotations) ? `, readers fused by ${fusion}` : ''})`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

export const evalCommand: Command = { name: 'eval', usage: USAGE, run: (args, io) => runEval(args, io) };
