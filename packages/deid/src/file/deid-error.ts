/** Why an input was not de-identified. Codes are stable: reports and exit summaries count them. */
export type DeidErrorCode =
  /** No Pixel Data: a structured report, presentation state, DICOMDIR, or other non-image object. */
  | 'ERR_NOT_IMAGE'
  /** No SOP Instance UID to derive the image id from. */
  | 'ERR_NO_SOP_INSTANCE_UID'
  /** An earlier input (in this run or a recorded one) has the same SOP Instance UID. */
  | 'ERR_DUPLICATE'
  /** The file's SOP Instance UID changed between planning and de-identification. */
  | 'ERR_SOURCE_CHANGED';

/** The de-identification layer's error: a code and a reason that names no patient value. */
export class DeidError extends Error {
  override readonly name = 'DeidError';
  constructor(readonly code: DeidErrorCode, readonly reason: string) {
    super(reason);
  }
}
