// Reading the dataset files the dataset commands take: annotations in the PhysioNet or the Kaggle
// layout (told apart by their header), image labels, submissions; a file that cannot be read is a
// usage error naming it, a bad row a DatasetFormatError naming its line and column.
import { readFileSync } from 'node:fs';
import { VINDR_CXR_SCHEMA, readKaggleTrain, readPhysionetAnnotations, readPhysionetImageLabels, type Annotation, type ImageLabels, type LabelSchema } from '@cxrlab/dataset';
import { UsageError } from '../../io.js';

export const SCHEMA: LabelSchema = VINDR_CXR_SCHEMA;

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** The header line of a CSV text, split at commas (enough to tell the layouts apart). */
function headerOf(text: string): string[] {
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/^\uFEFF/, '').replace(/\r$/, '').split(',').map((c) => c.trim());
}

export type AnnotationLayout = 'physionet' | 'kaggle';

/** Annotations from annotations_{train,test}.csv (PhysioNet) or train.csv (Kaggle: it has class_id). */
export function readAnnotations(path: string, what = 'annotations'): { annotations: Annotation[]; layout: AnnotationLayout } {
  const text = readText(path, what);
  if (headerOf(text).includes('class_id')) return { annotations: readKaggleTrain(text, SCHEMA, { file: path }), layout: 'kaggle' };
  return { annotations: readPhysionetAnnotations(text, SCHEMA, { file: path }), layout: 'physionet' };
}

export function readImageLabels(path: string): ImageLabels[] {
  return readPhysionetImageLabels(readText(path, 'image labels'), SCHEMA, { file: path }).records;
}

/** Whether several readers annotated each image (rad_id present). */
export const hasReaders = (annotations: readonly Annotation[]): boolean => annotations.some((a) => a.radId !== undefined && a.radId !== '');
