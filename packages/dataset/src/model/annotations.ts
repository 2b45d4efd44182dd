// The dataset's records, whatever file they came from: boxes, image-level labels, detections.

/** A box in image pixels, corners as published (x_min, y_min, x_max, y_max), x_max >= x_min, y_max >= y_min. */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/**
 * One finding of one reader on one image (a row of annotations_*.csv or Kaggle's train.csv). `box`
 * is undefined for rows without coordinates (No finding, and global labels where a file lists them).
 * `radId` is undefined in the test set (the consensus). `score` is set on fused boxes: the number of
 * readers that agreed.
 */
export interface Annotation {
  imageId: string;
  radId?: string;
  className: string;
  box?: Box;
  score?: number;
}

/** One reader's (or the consensus') image-level labels: label name -> 0/1 (a row of image_labels_*.csv). */
export interface ImageLabels {
  imageId: string;
  radId?: string;
  labels: Record<string, 0 | 1>;
}

/** One predicted box of a submission (Kaggle PredictionString: class conf x_min y_min x_max y_max). */
export interface Detection {
  imageId: string;
  classId: number;
  confidence: number;
  box: Box;
}

/** Image width and height in pixels, by image id (from DICOM headers or a size table). */
export type ImageSizes = Map<string, { width: number; height: number }>;

/** A problem in an input file, located: the message names file, line and column (1-based). */
export class DatasetFormatError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number | undefined, readonly reason: string) {
    super(`${file}:${line}${column === undefined ? '' : `:${column}`}: ${reason}`);
    this.name = 'DatasetFormatError';
  }
}
