import type { DicomErrorCode } from '../core/errors.js';

/** Fixtures we reject with a typed error where pydicom reads on. dcmdump (dcmtk 3.6.7) rejects all three too. */
export const EXPECTED_ERRORS: Record<string, { code: DicomErrorCode; reason: string }> = {
  'edge/MR_truncated.dcm': {
    code: 'ERR_INVALID_LENGTH',
    reason: 'Pixel Data declares 8192 bytes but the file ends 62 bytes early; pydicom silently returns the short value. '
      + 'The header is still readable with stopBeforePixelData (tested in reader.test.ts).',
  },
  'edge/rtplan_truncated.dcm': {
    code: 'ERR_INVALID_LENGTH',
    reason: 'a sequence (300A,00B0) declares 976 bytes with 711 left; pydicom silently stops reading.',
  },
  'edge/no_meta.dcm': {
    code: 'ERR_NOT_DICOM',
    reason: 'CT_small.dcm with the meta cut one byte too late: it starts with a stray 0x20 before (0008,0005). pydicom '
      + 'force-reads it as one bogus implicit element (0820,0500) of 173 MB in a 38 KB file; dcmdump fails the same way we do.',
  },
};
