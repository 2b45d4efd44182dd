import { loadEmscripten } from '../internal/wasm-module.js';
import { encoderFailure, frameBytes, frameInfo, type GreyFrame, type EncoderFrameInfo } from './frame-encoder.js';

interface JpegLSEncoder {
  getDecodedBuffer(info: EncoderFrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8ClampedArray;
  setNearLossless(near: number): void;
  encode(): void;
  delete(): void;
}
interface CharlsModule { JpegLSEncoder: new () => JpegLSEncoder }

let module: Promise<CharlsModule> | undefined;

/** A JPEG-LS stream through CharLS's WebAssembly build: lossless when `near` is 0, else near-lossless. */
export async function encodeJpegLS(frame: GreyFrame, near = 0): Promise<Uint8Array> {
  module ??= loadEmscripten<CharlsModule>('@cornerstonejs/codec-charls/wasmjs');
  const encoder = new (await module).JpegLSEncoder();
  try {
    encoder.getDecodedBuffer(frameInfo(frame)).set(frameBytes(frame));
    encoder.setNearLossless(near);
    encoder.encode();
    const out = encoder.getEncodedBuffer();
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength).slice();
  } catch (error) {
    throw encoderFailure('JPEG-LS', error);
  } finally {
    encoder.delete();
  }
}
