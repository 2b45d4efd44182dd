import { formatTag } from './tag.js';

export type DicomErrorCode =
  | 'ERR_NOT_DICOM'
  | 'ERR_TRUNCATED'
  | 'ERR_INVALID_LENGTH'
  | 'ERR_VALUE_TOO_LARGE'
  | 'ERR_INVALID_VR'
  | 'ERR_UNEXPECTED_TAG'
  | 'ERR_UNCLOSED_SEQUENCE'
  | 'ERR_DEPTH_LIMIT'
  | 'ERR_INVALID_FILE_META'
  | 'ERR_DEFLATE'
  | 'ERR_UNSUPPORTED'
  | 'ERR_INVALID_VALUE'
  | 'ERR_IO';

export interface DicomErrorDetails {
  /** Byte offset in the stream (for deflated data sets, in the inflated stream) where the problem was found. */
  offset?: number;
  /** The tag being read. */
  tag?: number;
  /** Data set path of the tag, e.g. "00400275/[0]/00321060". */
  path?: string;
  /** The file being read or written. */
  file?: string;
  cause?: unknown;
}

/** The one error type of the DICOM layer: a code, a reason and where it happened. */
export class DicomError extends Error {
  override readonly name = 'DicomError';
  readonly code: DicomErrorCode;
  readonly reason: string;
  readonly offset: number | undefined;
  readonly tag: number | undefined;
  readonly path: string | undefined;
  readonly file: string | undefined;

  constructor(code: DicomErrorCode, reason: string, details: DicomErrorDetails = {}) {
    super(formatMessage(reason, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.reason = reason;
    this.offset = details.offset;
    this.tag = details.tag;
    this.path = details.path;
    this.file = details.file;
  }

  /** The same error, now naming the file it came from. */
  inFile(file: string): DicomError {
    if (this.file === file) return this;
    const copy = new DicomError(this.code, this.reason, {
      offset: this.offset, tag: this.tag, path: this.path, file, cause: this.cause,
    });
    if (this.stack) copy.stack = this.stack.replace(this.message, copy.message);
    return copy;
  }
}

function formatMessage(reason: string, d: DicomErrorDetails): string {
  const where: string[] = [];
  if (d.offset !== undefined) where.push(`at byte ${d.offset}`);
  if (d.tag !== undefined) where.push(`reading ${formatTag(d.tag)}`);
  if (d.path) where.push(`path ${d.path}`);
  const prefix = d.file ? `${d.file}: ` : '';
  return `${prefix}${reason}${where.length ? ` (${where.join(', ')})` : ''}`;
}
