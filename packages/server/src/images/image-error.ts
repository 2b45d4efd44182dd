// The one error type of the image module: a code, the file and the reason (routes map the code to a status).
import { DicomError } from '@cxrlab/dicom';

/**
 * NOT_FOUND: no such file; HEADER: not a readable DICOM image header; PIXELS: the pixels cannot be decoded or
 * rendered (the render worker failing included); BUSY: the renderer cannot take the job now (its queue is full,
 * or it is closed): try again later.
 */
export type ImageErrorCode = 'ERR_IMAGE_NOT_FOUND' | 'ERR_IMAGE_HEADER' | 'ERR_IMAGE_PIXELS' | 'ERR_IMAGE_BUSY';

export class ImageError extends Error {
  override readonly name = 'ImageError';

  constructor(
    readonly code: ImageErrorCode,
    /** The image file. */
    readonly file: string,
    /** What is wrong, without the file name. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}

/** Wraps whatever reading `file` threw: a missing file becomes NOT_FOUND, anything else `code`. */
export function imageErrorFrom(error: unknown, file: string, code: Exclude<ImageErrorCode, 'ERR_IMAGE_NOT_FOUND' | 'ERR_IMAGE_BUSY'>, doing: string): ImageError {
  if (error instanceof ImageError) return error;
  if (isMissingFile(error)) return new ImageError('ERR_IMAGE_NOT_FOUND', file, 'no such file', { cause: error });
  const reason = error instanceof DicomError ? error.reason : error instanceof Error ? error.message : String(error);
  return new ImageError(code, file, `${doing}: ${reason}`, { cause: error });
}

function isMissingFile(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
  }
  return false;
}
