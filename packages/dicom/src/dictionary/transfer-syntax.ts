/** Transfer syntaxes cxrlab reads, writes or passes through (PS3.5 section 10, PS3.6 Annex A). */
export interface TransferSyntax {
  uid: string;
  name: string;
  explicitVR: boolean;
  littleEndian: boolean;
  deflated: boolean;
  /** Pixel data is encapsulated (compressed) in fragments. */
  encapsulated: boolean;
}

function ts(uid: string, name: string, explicitVR: boolean, littleEndian: boolean, deflated = false,
  encapsulated = false): TransferSyntax {
  return { uid, name, explicitVR, littleEndian, deflated, encapsulated };
}

function encapsulated(uid: string, name: string): TransferSyntax {
  return ts(uid, name, true, true, false, true);
}

export const TransferSyntaxes = {
  ImplicitVRLittleEndian: ts('1.2.840.10008.1.2', 'Implicit VR Little Endian', false, true),
  ExplicitVRLittleEndian: ts('1.2.840.10008.1.2.1', 'Explicit VR Little Endian', true, true),
  EncapsulatedUncompressedExplicitVRLittleEndian: encapsulated('1.2.840.10008.1.2.1.98', 'Encapsulated Uncompressed Explicit VR Little Endian'),
  DeflatedExplicitVRLittleEndian: ts('1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', true, true, true),
  ExplicitVRBigEndian: ts('1.2.840.10008.1.2.2', 'Explicit VR Big Endian (retired)', true, false),
  JPEGBaseline8Bit: encapsulated('1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)'),
  JPEGExtended12Bit: encapsulated('1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4)'),
  JPEGLossless: encapsulated('1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)'),
  JPEGLosslessSV1: encapsulated('1.2.840.10008.1.2.4.70', 'JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])'),
  JPEGLSLossless: encapsulated('1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless'),
  JPEGLSNearLossless: encapsulated('1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless)'),
  JPEG2000Lossless: encapsulated('1.2.840.10008.1.2.4.90', 'JPEG 2000 Image Compression (Lossless Only)'),
  JPEG2000: encapsulated('1.2.840.10008.1.2.4.91', 'JPEG 2000 Image Compression'),
  HTJ2KLossless: encapsulated('1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 (Lossless Only)'),
  HTJ2KLosslessRPCL: encapsulated('1.2.840.10008.1.2.4.202', 'High-Throughput JPEG 2000 with RPCL Options (Lossless Only)'),
  HTJ2K: encapsulated('1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000'),
  RLELossless: encapsulated('1.2.840.10008.1.2.5', 'RLE Lossless'),
} as const;

const BY_UID = new Map<string, TransferSyntax>(Object.values(TransferSyntaxes).map((t) => [t.uid, t]));

/** The transfer syntax for a UID; unknown UIDs (private or newer compressions) give undefined. */
export function lookupTransferSyntax(uid: string): TransferSyntax | undefined {
  return BY_UID.get(uid);
}

/** The transfer syntaxes a data set can be written in without a codec. */
export function isUncompressed(t: TransferSyntax): boolean {
  return !t.encapsulated;
}
