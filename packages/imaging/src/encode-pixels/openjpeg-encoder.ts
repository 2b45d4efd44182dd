import { loadEmscripten } from '../internal/wasm-module.js';
import { encoderFailure, frameBytes, frameInfo, type GreyFrame, type EncoderFrameInfo } from './frame-encoder.js';

interface J2KEncoder {
  getDecodedBuffer(info: EncoderFrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  setQuality(lossless: boolean, layers: number): void;
  setCompressionRatio(layer: number, ratio: number): void;
  encode(): void;
  delete(): void;
}
interface OpenJpegModule { J2KEncoder: new () => J2KEncoder }

let module: Promise<OpenJpegModule> | undefined;

/**
 * A JPEG 2000 codestream (J2K, no JP2 box) through OpenJPEG's WebAssembly build: reversible 5/3
 * wavelet when `ratio` is undefined, otherwise the irreversible 9/7 wavelet at that compression ratio.
 */
export async function encodeJpeg2000(frame: GreyFrame, ratio?: number): Promise<Uint8Array> {
  module ??= loadEmscripten<OpenJpegModule>('@cornerstonejs/codec-openjpeg/wasmjs');
  const encoder = new (await module).J2KEncoder();
  try {
    encoder.getDecodedBuffer(frameInfo(frame)).set(frameBytes(frame));
    encoder.setQuality(ratio === undefined, 1);
    encoder.setCompressionRatio(0, ratio ?? 0);
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } catch (error) {
    throw encoderFailure('JPEG 2000', error);
  } finally {
    encoder.delete();
  }
}
