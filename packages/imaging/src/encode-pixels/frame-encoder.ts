import { describe, type WasmFrameInfo } from '../codecs/wasm-decoder.js';

/** One greyscale frame to compress: unsigned samples in 16 bits, `bitsStored` of them significant. */
export interface GreyFrame {
  pixels: Uint16Array;
  rows: number;
  columns: number;
  bitsStored: number;
}

/** What the cornerstone codecs' encoders take as frame information. */
export interface EncoderFrameInfo extends WasmFrameInfo {
  isSigned: boolean;
  isUsingColorTransform: boolean;
}

export function frameInfo(frame: GreyFrame): EncoderFrameInfo {
  return { width: frame.columns, height: frame.rows, bitsPerSample: frame.bitsStored, componentCount: 1, isSigned: false, isUsingColorTransform: false };
}

/** The frame's samples as little-endian bytes (a view, no copy, on little-endian hosts). */
export function frameBytes(frame: GreyFrame): Uint8Array {
  return new Uint8Array(frame.pixels.buffer, frame.pixels.byteOffset, frame.pixels.byteLength);
}

/** An encoder's failure, with Emscripten's bare-number exceptions given a message. */
export function encoderFailure(codec: string, error: unknown): Error {
  return new Error(`${codec} encoding failed (${describe(error)})`, { cause: error });
}
