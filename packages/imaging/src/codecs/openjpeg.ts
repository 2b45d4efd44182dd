import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';

interface FrameInfo { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean }
interface J2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getDecodedBuffer(): Uint8Array;
  getColorSpace(): number;
}
interface OpenJpegModule { J2KDecoder: new () => J2KDecoder }

let decoder: J2KDecoder | undefined;

/** JPEG 2000 (and HTJ2K as a fallback) through the WebAssembly build of OpenJPEG 2.5. */
export const openJpegCodec: PixelCodec = {
  name: 'openjpeg',
  transferSyntaxes: [
    TransferSyntaxes.JPEG2000Lossless.uid, TransferSyntaxes.JPEG2000.uid,
    TransferSyntaxes.HTJ2KLossless.uid, TransferSyntaxes.HTJ2KLosslessRPCL.uid, TransferSyntaxes.HTJ2K.uid,
  ],
  async init() {
    if (decoder) return;
    const module = await loadEmscripten<OpenJpegModule>('@cornerstonejs/codec-openjpeg/decodewasmjs');
    decoder = new module.J2KDecoder();
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!decoder) throw new Error('openjpeg codec used before init()');
    decoder.getEncodedBuffer(frame.length).set(frame);
    try {
      decoder.decode();
    } catch (error) {
      throw new DicomError('ERR_INVALID_VALUE', `JPEG 2000 codestream could not be decoded (${describe(error)})`);
    }
    const info = decoder.getFrameInfo();
    checkGeometry('JPEG 2000', info, d);
    // The decoder writes samples interleaved, 8 bits per sample up to 8-bit precision, else 16.
    const bytes = decoder.getDecodedBuffer().slice();
    return { bytes, planar: false, bytesPerSample: info.bitsPerSample <= 8 ? 1 : 2, photometricInterpretation: d.samplesPerPixel === 3 && d.photometricInterpretation.startsWith('YBR_') ? 'RGB' : undefined };
  },
};

export function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'number') return `WebAssembly exception ${error}`;
  return String(error);
}

export function checkGeometry(what: string, info: { width: number; height: number; componentCount: number }, d: PixelDescription): void {
  if (info.width !== d.columns || info.height !== d.rows || info.componentCount !== d.samplesPerPixel) {
    throw new DicomError('ERR_INVALID_VALUE',
      `${what} frame is ${info.width}x${info.height}x${info.componentCount} but the header says ${d.columns}x${d.rows}x${d.samplesPerPixel}`);
  }
}
