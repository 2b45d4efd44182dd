/** One greyscale frame to compress: unsigned samples in 16 bits, `bitsStored` of them significant. */
export interface GreyFrame {
  pixels: Uint16Array;
  rows: number;
  columns: number;
  bitsStored: number;
}

/** What the cornerstone codecs' encoders take as frame information. */
export interface WasmFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
  isUsingColorTransform: boolean;
}

export function frameInfo(frame: GreyFrame): WasmFrameInfo {
  return { width: frame.columns, height: frame.rows, bitsPerSample: frame.bitsStored, componentCount: 1, isSigned: false, isUsingColorTransform: false };
}

/** The frame's samples as little-endian bytes (a view, no copy, on little-endian hosts). */
export function frameBytes(frame: GreyFrame): Uint8Array {
  return new Uint8Array(frame.pixels.buffer, frame.pixels.byteOffset, frame.pixels.byteLength);
}

/** Emscripten throws C++ exceptions as numbers; give them a message. */
export function encoderFailure(codec: string, error: unknown): Error {
  const reason = error instanceof Error ? error.message : typeof error === 'number' ? `WebAssembly exception ${error}` : String(error);
  return new Error(`${codec} encoding failed (${reason})`, { cause: error });
}
