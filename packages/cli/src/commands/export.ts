import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NO_FINDING_BOX, classIdOf, imageSizesFromDicomFolder, readImageSizesCsv, toCoco, toYolo, writeKaggleTrain, writeSubmission, yoloClassesTxt, type ImageSizes } from '@cxrlab/dataset';
import { SCHEMA, readAnnotations, readText } from './dataset/dataset-files.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { oneOf, parseArguments } from '../options.js';
import type { Command } from '../run-cli.js';
import { SERVER_DATABASE_USAGE } from './server/server-database.js';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

const USAGE = `Usage: cxrlab export ANNOTATIONS.csv --format coco|yolo|kaggle|submission --out PATH [options]
       cxrlab export --project KEY --format vindr|kaggle|coco|yolo|json [--out DIR] [--data DIR] [--db URL]

With an annotations file (PhysioNet annotations_*.csv or Kaggle train.csv), converts it to another layout:
  coco    one COCO JSON file: images (with their sizes), the local labels as categories (Kaggle
          class ids), boxes as [x, y, width, height]; PATH is the .json file
  yolo    a folder with one <image_id>.txt per image ("class cx cy w h", normalised by the image
          size) and classes.txt; PATH is the folder; labels without a Kaggle class id are left out
  kaggle  Kaggle's train.csv layout (class_id added, No finding as class 14; labels outside the
          challenge's 15 classes are left out); PATH is the .csv file
  submission
          a Kaggle submission (image_id,PredictionString; confidence 1, No finding as
          "14 1 0 0 1 1"): to score one reader, or a consensus, with cxrlab eval
COCO and YOLO need each image's size: --images DIR (read from the DICOM headers) or --sizes FILE
(a CSV of image_id,width,height).

Options:
  --format coco|yolo|kaggle|submission
  --out PATH
  --images DIR        DICOM images named <image_id>.dicom (or .dcm)
  --sizes FILE        image_id,width,height

With --project KEY, exports a project of the labelling platform (its finished work: images with all
their reads submitted, or with a final consensus; the others are left out and counted) as a numbered
snapshot, <data>/exports/KEY/<number>-<format>/ with manifest.json (counts, file sizes and SHA-256),
exactly as POST /api/projects/KEY/exports does. Readers appear as their pseudonyms (R1, R2, ...),
never by name. Prints the snapshot's number, counts and folder.
  vindr   the PhysioNet release's annotations/annotations_<split>.csv and image_labels_<split>.csv
          per split: an independent project one row per reader with rad_id; a consensus project the
          final consensus without rad_id (the test files' layout)
  kaggle  the challenge's train.csv (independent projects)
  coco    coco.json; yolo: labels/<image_id>.txt, classes.txt, data.yaml; json: export.json with the
          project, images, reads (or consensus) and counts
Every format comes with image_sizes.csv.

Options:
  --project KEY       the project's key
  --format vindr|kaggle|coco|yolo|json
  --out DIR           also copy the snapshot to DIR (which must not exist, or be empty), atomically
${SERVER_DATABASE_USAGE}`;

function sizesOf(images: string | undefined, sizes: string | undefined): ImageSizes {
  if (sizes !== undefined) return readImageSizesCsv(readText(sizes, 'size table'), { file: sizes });
  if (images === undefined) throw new UsageError('coco and yolo need the image sizes: --images DIR or --sizes FILE');
  if (!existsSync(images) || !statSync(images).isDirectory()) throw new UsageError(`--images ${images} is not a directory`);
  return imageSizesFromDicomFolder(images);
}

/** True when the arguments ask for a project of the platform (--project KEY or --project=KEY). */
const namesProject = (args: readonly string[]): boolean => args.some((a) => a === '--project' || a.startsWith('--project='));

export async function runExport(args: string[], io: CliIO): Promise<number> {
  if (namesProject(args)) return (await import('./project-export/project-export.js')).runProjectExport(args, io);
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string', short: 'o' }, images: { type: 'string' }, sizes: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('give one annotations file');
  if (values.format === undefined || values.out === undefined) throw new UsageError('--format and --out are required');
  const format = oneOf('--format', values.format, ['coco', 'yolo', 'kaggle', 'submission'] as const);
  const { annotations } = readAnnotations(positionals[0]!);
  if (format === 'submission') {
    const detections = annotations.flatMap((a) => {
      const classId = classIdOf(SCHEMA, a.className);
      if (classId === undefined || (a.box === undefined && a.className !== SCHEMA.noFinding)) return [];
      return [{ imageId: a.imageId, classId, confidence: 1, box: a.box ?? NO_FINDING_BOX }];
    });
    const imageIds = [...new Set(annotations.map((a) => a.imageId))];
    writeFileAtomicSync(values.out, writeSubmission(detections, SCHEMA, { imageIds }));
    io.stderr.write(`cxrlab export: ${detections.length} detections on ${imageIds.length} images -> ${values.out}\n`);
    return ExitCode.ok;
  }
  if (format === 'kaggle') {
    // the challenge's 15 classes: the other labels (global ones, rarer local ones) have no class id
    const kept = annotations.filter((a) => classIdOf(SCHEMA, a.className) !== undefined);
    const skipped = new Map<string, number>();
    for (const a of annotations) if (classIdOf(SCHEMA, a.className) === undefined) skipped.set(a.className, (skipped.get(a.className) ?? 0) + 1);
    writeFileAtomicSync(values.out, writeKaggleTrain(kept, SCHEMA));
    const left = [...skipped].map(([name, n]) => `${n} ${name}`).join(', ');
    io.stderr.write(`cxrlab export: ${kept.length} rows -> ${values.out}${left ? `; left out (no class id): ${left}` : ''}\n`);
    return ExitCode.ok;
  }
  const sizes = sizesOf(values.images, values.sizes);
  const missing = [...new Set(annotations.map((a) => a.imageId))].filter((id) => !sizes.has(id));
  if (missing.length > 0) {
    io.stderr.write(`cxrlab export: no size for ${missing.length} image${missing.length === 1 ? '' : 's'} (first: ${missing[0]}); give --images or --sizes covering every image\n`);
    return ExitCode.failed;
  }
  if (format === 'coco') {
    const coco = toCoco(annotations, sizes, SCHEMA, { fileName: (id) => `${id}.dicom` });
    writeFileAtomicSync(values.out, `${JSON.stringify(coco)}\n`);
    io.stderr.write(`cxrlab export: ${coco.images.length} images, ${coco.annotations.length} boxes -> ${values.out}\n`);
    return ExitCode.ok;
  }
  const yolo = toYolo(annotations, sizes, SCHEMA);
  mkdirSync(values.out, { recursive: true });
  for (const [imageId, text] of yolo.files) writeFileAtomicSync(join(values.out, `${imageId}.txt`), text);
  writeFileAtomicSync(join(values.out, 'classes.txt'), yoloClassesTxt(SCHEMA));
  const skipped = Object.entries(yolo.skipped).map(([name, n]) => `${n} ${name}`).join(', ');
  io.stderr.write(`cxrlab export: ${yolo.files.size} label files -> ${values.out}${skipped ? `; left out (no class id): ${skipped}` : ''}\n`);
  return ExitCode.ok;
}

export const exportCommand: Command = { name: 'export', usage: USAGE, run: (args, io) => runExport(args, io) };
