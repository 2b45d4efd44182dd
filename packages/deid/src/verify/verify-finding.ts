/** One problem `cxrlab deid verify` found in an output file. */
export interface VerifyFinding {
  code:
    | 'ERR_UNREADABLE'
    | 'ERR_PREAMBLE'
    | 'ERR_FILE_META'
    | 'ERR_IMAGE_ID'
    | 'ERR_NOT_ALLOWED'
    | 'ERR_ORIGINAL_VALUE'
    | 'ERR_PIXELS_CHANGED'
    | 'ERR_NOT_IN_REPORT'
    | 'ERR_MISSING_OUTPUT';
  message: string;
  /** Data set path of the element concerned, e.g. 00400275/[0]/00321060. */
  path?: string;
  /** Byte offset in the output file. */
  offset?: number;
}
