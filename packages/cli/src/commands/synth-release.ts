import { synthesizeRelease, writeImageSizesCsv, writeRelease } from '@cxrlab/dataset';
import { join } from 'node:path';
import { SCHEMA } from './dataset/dataset-files.js';
import { ExitCode, UsageError, type CliIO } from '../io.js';
import { parseArguments, wholeNumber } from '../options.js';
import type { Command } from '../run-cli.js';
import { writeFileAtomicSync } from '@cxrlab/pipeline';

const USAGE = `Usage: cxrlab synth-release OUT-DIR [options]

Writes a synthetic VinDr-CXR release in the PhysioNet layout (no images): annotations/
annotations_train.csv and image_labels_train.csv (each image read by several readers who disagree
as real readers do), annotations_test.csv and image_labels_test.csv (one consensus per image), with
label frequencies like the paper's Table 2, and image_sizes.csv (image_id,width,height) for the
COCO and YOLO exports. The same seed gives the same files.

Options:
  --train N       training images (default 15000)
  --test N        test images (default 3000)
  --readers N     readers per training image (default 3)
  --seed S        (default 1)
`;

export async function runSynthRelease(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArguments({
    args,
    allowPositionals: true,
    options: { train: { type: 'string' }, test: { type: 'string' }, readers: { type: 'string' }, seed: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('give one OUT-DIR');
  const dir = positionals[0]!;
  const started = performance.now();
  const release = synthesizeRelease({
    seed: wholeNumber('--seed', values.seed, 0) ?? 1,
    trainImages: wholeNumber('--train', values.train, 0) ?? 15000,
    testImages: wholeNumber('--test', values.test, 0) ?? 3000,
    readersPerTrainImage: wholeNumber('--readers', values.readers, 1) ?? 3,
    schema: SCHEMA,
  });
  writeRelease(dir, { train: { ...release.train, imageFiles: [] }, test: { ...release.test, imageFiles: [] } }, SCHEMA);
  writeFileAtomicSync(join(dir, 'image_sizes.csv'), writeImageSizesCsv(release.sizes));
  const images = release.train.imageLabels.length > 0 ? new Set(release.train.imageLabels.map((r) => r.imageId)).size : 0;
  io.stderr.write(`cxrlab synth-release: ${images} training images (${release.train.imageLabels.length} reader rows, ${release.train.annotations.length} annotation rows), ${release.test.imageLabels.length} test images in ${((performance.now() - started) / 1000).toFixed(1)} s: ${dir}\n`);
  return ExitCode.ok;
}

export const synthReleaseCommand: Command = { name: 'synth-release', usage: USAGE, run: (args, io) => runSynthRelease(args, io) };
