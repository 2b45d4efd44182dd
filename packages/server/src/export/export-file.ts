// One file of an export: its name inside the snapshot folder (forward slashes) and its text.
export interface ExportFile {
  name: string;
  content: string;
}

/** What an export holds, as manifest.json and the exports table record it. */
export interface ExportCounts {
  /** Finished images in the files. */
  images: number;
  /** Reads in the files (independent projects; 0 for a consensus export). */
  reads: number;
  /** Distinct readers (pseudonyms) among those reads. */
  readers: number;
  /** Boxes in the reads or consensus. */
  boxes: number;
  /** Global labels chosen in the reads or consensus. */
  globalLabels: number;
  /** The project's images left out because they are not finished. */
  skippedUnfinished: number;
  /** Boxes the format could not hold (labels without a class id in kaggle and yolo), by label. */
  leftOut?: Record<string, number>;
}
