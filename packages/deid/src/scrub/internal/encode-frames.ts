import { Tags, TransferSyntaxes, bytesElement, type Element } from '@cxrlab/dicom';
import { PIXEL_ENCODINGS, encapsulateFrames, encodePixelData, evenLength, type DecodedFrame, type PixelDescription, type PixelEncoding } from '@cxrlab/imaging';
import { nativePixelBytes } from './native-pixel-bytes.js';

/** New Pixel Data and what the header must say about it. */
export interface EncodedFrames {
  element: Element;
  transferSyntaxUID: string;
  /** Set when it differs from the file's (a JPEG YCbCr image written back as RGB, YBR_FULL_422 as YBR_FULL). */
  photometricInterpretation?: string;
  /** Set when the file said 1 (by plane) and the new pixels are interleaved. */
  planarConfiguration?: 0;
}

/**
 * The lossless encoding of the family the pixels came in, where our encoders can write it:
 * unsigned single-sample frames of Bits Allocated 16 (they take 16-bit samples only; Bits Stored
 * 8 or less would need 8-bit ones). Everything else is written native.
 */
function losslessEncoding(uid: string, d: PixelDescription): PixelEncoding | undefined {
  if (d.samplesPerPixel !== 1 || d.pixelRepresentation !== 0 || d.bitsAllocated !== 16 || d.bitsStored <= 8) return undefined;
  const T = TransferSyntaxes;
  if (uid === T.JPEG2000Lossless.uid || uid === T.JPEG2000.uid) return 'j2k';
  if (uid === T.JPEGLSLossless.uid || uid === T.JPEGLSNearLossless.uid) return 'jpeg-ls';
  if (uid === T.HTJ2KLossless.uid || uid === T.HTJ2KLosslessRPCL.uid || uid === T.HTJ2K.uid) return 'htj2k';
  return undefined;
}

/**
 * Writes cleaned frames back: JPEG 2000, JPEG-LS and HTJ2K input (lossy or not) as the lossless
 * form of the same family, one fragment per frame with a Basic Offset Table; everything else
 * (native, deflated, RLE, JPEG, colour, signed; any input with `forceNative`) as native Explicit VR
 * Little Endian. Native input keeps its word layout and planar configuration.
 */
export async function encodeFrames(frames: readonly DecodedFrame[], d: PixelDescription, native: boolean, forceNative = false): Promise<EncodedFrames> {
  // Decoded YBR_FULL_422 holds each pixel's own chroma: written back, it is YBR_FULL.
  const decoded = frames[0]!.photometricInterpretation;
  const photometric = decoded === 'YBR_FULL_422' ? 'YBR_FULL' : decoded;
  const changed = photometric !== d.photometricInterpretation ? { photometricInterpretation: photometric } : {};
  const encoding = native || forceNative ? undefined : losslessEncoding(d.transferSyntaxUID, d);
  if (encoding) {
    const codestreams: Uint8Array[] = [];
    for (const frame of frames) {
      const grey = { pixels: Uint16Array.from(frame.data), rows: frame.rows, columns: frame.columns, bitsStored: d.bitsStored };
      const { element } = await encodePixelData(grey, encoding);
      if (element.kind !== 'fragments' || element.fragments.length !== 1) throw new Error(`${encoding} encoding did not give one fragment`);
      codestreams.push(element.fragments[0]!);
    }
    return { element: encapsulateFrames(codestreams), transferSyntaxUID: PIXEL_ENCODINGS[encoding].transferSyntaxUID, ...changed };
  }
  const planar = native && d.samplesPerPixel > 1 && d.planarConfiguration === 1 && !changed.photometricInterpretation;
  const vr = d.bitsAllocated === 8 ? 'OB' : 'OW';
  const element = bytesElement(Tags.PixelData, vr, evenLength(nativePixelBytes(frames, d, planar)));
  const planarChange = d.samplesPerPixel > 1 && d.planarConfiguration === 1 && !planar ? { planarConfiguration: 0 as const } : {};
  return { element, transferSyntaxUID: TransferSyntaxes.ExplicitVRLittleEndian.uid, ...changed, ...planarChange };
}
