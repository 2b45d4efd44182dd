import type { DataSet } from '../data/data-set.js';
import type { TransferSyntax } from '../dictionary/transfer-syntax.js';

/** A DICOM file as read: the data set, and how it was encoded so it can be written back the same way. */
export interface P10File {
  /** The 128-byte preamble, when the file had one. */
  preamble: Uint8Array | undefined;
  /** Group 0002, when the file had it. */
  fileMeta: DataSet | undefined;
  dataSet: DataSet;
  transferSyntax: TransferSyntax;
  info: P10ReadInfo;
}

export interface P10ReadInfo {
  /** The file meta carried a group length element. */
  metaGroupLength: boolean;
  /** The transfer syntax was guessed from the bytes rather than read from the file meta. */
  transferSyntaxInferred: boolean;
  /** Reading stopped before this top-level pixel data tag (stopBeforePixelData). */
  stoppedBeforeTag: number | undefined;
  /** Bytes consumed (for a deflated file, of the inflated data set). */
  bytesRead: number;
  /** Bytes taken from the source: read from the file (a header read stops early) or given in memory. */
  bytesFetched: number;
}
