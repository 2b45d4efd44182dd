// The PhysioNet release folder: annotations/*.csv and the train/ and test/ image folders, read and written as one.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomicSync } from '@cxrlab/dicom';
import type { Annotation, ImageLabels } from '../model/annotations.js';
import type { LabelSchema } from '../schema/label-schema.js';
import type { Split } from './cells.js';
import { readPhysionetAnnotations, writePhysionetAnnotations } from './physionet-annotations.js';
import { readPhysionetImageLabels, writePhysionetImageLabels } from './physionet-image-labels.js';

/** One split of a release; a part whose file is missing is undefined. */
export interface ReleaseSplit {
  annotations?: Annotation[];
  imageLabels?: ImageLabels[];
  /** The image label file's label columns as spelled (kept so that writing reproduces the header). */
  imageLabelColumns?: string[];
  /** Paths of the split's `*.dicom` files, sorted (not read); [] without the folder. */
  imageFiles: string[];
}

/** What writeRelease writes of a split: its records (image files are not written). */
export type ReleaseRecords = Omit<ReleaseSplit, 'imageFiles'> & { imageFiles?: string[] };

export interface Release {
  train: ReleaseSplit;
  test: ReleaseSplit;
  /** The release's files and folders found, relative to its folder (e.g. `annotations/annotations_train.csv`, `train/`). */
  present: string[];
}

const SPLITS: readonly Split[] = ['train', 'test'];
export const annotationsPath = (split: Split): string => `annotations/annotations_${split}.csv`;
export const imageLabelsPath = (split: Split): string => `annotations/image_labels_${split}.csv`;

/** Reads a release folder in the PhysioNet layout; any file or folder may be missing (see `present`). */
export function readRelease(dir: string, schema: LabelSchema): Release {
  const present: string[] = [];
  const read = (relative: string): string | undefined => {
    const path = join(dir, relative);
    if (!existsSync(path)) return undefined;
    present.push(relative);
    return readFileSync(path, 'utf8');
  };
  const split = (name: Split): ReleaseSplit => {
    const out: ReleaseSplit = { imageFiles: [] };
    const annotations = read(annotationsPath(name));
    if (annotations !== undefined) out.annotations = readPhysionetAnnotations(annotations, schema, { file: join(dir, annotationsPath(name)) });
    const labels = read(imageLabelsPath(name));
    if (labels !== undefined) {
      const file = readPhysionetImageLabels(labels, schema, { file: join(dir, imageLabelsPath(name)) });
      out.imageLabels = file.records;
      out.imageLabelColumns = file.labelColumns;
    }
    const images = join(dir, name);
    if (existsSync(images)) {
      present.push(`${name}/`);
      out.imageFiles = readdirSync(images).filter((n) => n.endsWith('.dicom')).sort().map((n) => join(images, n));
    }
    return out;
  };
  const [train, test] = SPLITS.map(split) as [ReleaseSplit, ReleaseSplit];
  return { train, test, present };
}

/**
 * Writes a release's CSVs into `dir/annotations/` (the parts that are defined), each atomically:
 * to a temporary file beside it, flushed, then renamed over the target. Image files are not touched.
 */
export function writeRelease(dir: string, release: Record<Split, ReleaseRecords>, schema: LabelSchema): void {
  mkdirSync(join(dir, 'annotations'), { recursive: true });
  for (const name of SPLITS) {
    const { annotations, imageLabels, imageLabelColumns } = release[name];
    if (annotations !== undefined) writeFileAtomicSync(join(dir, annotationsPath(name)), writePhysionetAnnotations(annotations, { split: name }));
    if (imageLabels !== undefined) {
      const text = writePhysionetImageLabels(imageLabels, schema, { split: name, labelColumns: imageLabelColumns });
      writeFileAtomicSync(join(dir, imageLabelsPath(name)), text);
    }
  }
}
