import { loadEmscripten } from '../internal/wasm-module.js';
import { encoderFailure, frameBytes, frameInfo, type GreyFrame, type EncoderFrameInfo } from './frame-encoder.js';

interface HTJ2KEncoder {
  getDecodedBuffer(info: EncoderFrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  encode(): void;
  delete(): void;
}
interface OpenJphModule { HTJ2KEncoder: new () => HTJ2KEncoder }

let module: Promise<OpenJphModule> | undefined;

/** A lossless High-Throughput JPEG 2000 codestream (reversible 5/3, RPCL) through OpenJPH's WebAssembly build. */
export async function encodeHtj2k(frame: GreyFrame): Promise<Uint8Array> {
  module ??= loadEmscripten<OpenJphModule>('@cornerstonejs/codec-openjph/wasmjs');
  const encoder = new (await module).HTJ2KEncoder();
  try {
    encoder.getDecodedBuffer(frameInfo(frame)).set(frameBytes(frame));
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } catch (error) {
    throw encoderFailure('HTJ2K', error);
  } finally {
    encoder.delete();
  }
}
