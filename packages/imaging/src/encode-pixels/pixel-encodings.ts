import { TransferSyntaxes } from '@cxrlab/dicom';

/** The ways `encodePixelData` can write a frame, by the names the CLI uses. */
export const PIXEL_ENCODINGS = {
  explicit: { transferSyntaxUID: TransferSyntaxes.ExplicitVRLittleEndian.uid, lossy: false, method: undefined },
  j2k: { transferSyntaxUID: TransferSyntaxes.JPEG2000Lossless.uid, lossy: false, method: undefined },
  'j2k-lossy': { transferSyntaxUID: TransferSyntaxes.JPEG2000.uid, lossy: true, method: 'ISO_15444_1' },
  'jpeg-ls': { transferSyntaxUID: TransferSyntaxes.JPEGLSLossless.uid, lossy: false, method: undefined },
  'jpeg-ls-near': { transferSyntaxUID: TransferSyntaxes.JPEGLSNearLossless.uid, lossy: true, method: 'ISO_14495_1' },
  htj2k: { transferSyntaxUID: TransferSyntaxes.HTJ2KLossless.uid, lossy: false, method: undefined },
} as const;

export type PixelEncoding = keyof typeof PIXEL_ENCODINGS;

export const PIXEL_ENCODING_NAMES = Object.keys(PIXEL_ENCODINGS) as PixelEncoding[];

export function isPixelEncoding(name: string): name is PixelEncoding {
  return Object.hasOwn(PIXEL_ENCODINGS, name);
}
