import type { DicomErrorCode } from '@cxrlab/dicom';

/**
 * What we do with the fixtures that hold Pixel Data but that pydicom + GDCM cannot decode as they
 * are (`reference_error` in pixels.json; test-assets/goldens/README.md explains each).
 * `decodes`: we decode them, and the golden holds the reference's values after the documented
 * workaround. Otherwise the error we throw, and whether reading the file or decoding throws it.
 */
export const REFERENCE_FAILURES: Record<string, { decodes: true } | { at: 'read' | 'decode'; code: DicomErrorCode; message: RegExp }> = {
  // Number of Frames "1A": pydicom's numpy handler raises a TypeError; we read the leading 1 as
  // the dicom reader does, and the Pixel Data holds exactly one 10x10 32-bit frame.
  'edge/badVR.dcm': { decodes: true },
  // Pixel Data declares 8192 bytes and the file ends 62 bytes early: the reader refuses the file.
  'edge/MR_truncated.dcm': { at: 'read', code: 'ERR_INVALID_LENGTH', message: /value length 8192 runs past the end/ },
  // Pixel Data of 2 bytes and no Image Pixel module at all.
  'edge/meta_missing_tsyntax.dcm': { at: 'decode', code: 'ERR_INVALID_VALUE', message: /Rows is missing/ },
  'edge/nested_priv_SQ.dcm': { at: 'decode', code: 'ERR_INVALID_VALUE', message: /Rows is missing/ },
};
