import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { requireCjs } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { hasEndMarker } from './jpeg-markers.js';

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
/**
 * OpenJPEG's [ERROR] lines during the current decode. The wrapper only prints them: on a failed
 * header or tile it returns without throwing and leaves the PREVIOUS frame's info and pixels in
 * place (another file's image, same size), so they are the only sign that this decode failed.
 */
const messages: string[] = [];

/** JPEG 2000 (and HTJ2K as a fallback) through the WebAssembly build of OpenJPEG 2.5. */
export const openJpegCodec: PixelCodec = {
  name: 'openjpeg',
  transferSyntaxes: [
    TransferSyntaxes.JPEG2000Lossless.uid, TransferSyntaxes.JPEG2000.uid,
    TransferSyntaxes.HTJ2KLossless.uid, TransferSyntaxes.HTJ2KLosslessRPCL.uid, TransferSyntaxes.HTJ2K.uid,
  ],
  async init() {
    if (decoder) return;
    const factory = requireCjs('@cornerstonejs/codec-openjpeg/decodewasmjs') as (options: object) => Promise<OpenJpegModule>;
    const keep = (line: string) => {
      if (line.includes('[ERROR]')) messages.push(line.trim());
    };
    const module = await factory({ print: keep, printErr: keep });
    decoder = new module.J2KDecoder();
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!decoder) throw new Error('openjpeg codec used before init()');
    // OpenJPEG decodes some cut-short codestreams with only a warning, the rest as zero.
    if (!hasEndMarker(frame)) throw new DicomError('ERR_TRUNCATED', 'JPEG 2000 codestream does not end with an EOC marker (FFD9): truncated or overwritten');
    messages.length = 0;
    decoder.getEncodedBuffer(frame.length).set(frame);
    try {
      decoder.decode();
    } catch (error) {
      throw new DicomError('ERR_INVALID_VALUE', `JPEG 2000 codestream could not be decoded (${describe(error)})`);
    }
    if (messages.length > 0) throw new DicomError('ERR_INVALID_VALUE', `JPEG 2000 codestream could not be decoded (OpenJPEG: ${messages.join('; ')})`);
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
