import { DicomError } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { hasEndMarker } from './jpeg-markers.js';

/** What the cornerstone WebAssembly decoders report about a decoded frame. */
export interface WasmFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
}

/** The decoder object the cornerstone codecs (CharLS, libjpeg-turbo, OpenJPEG, OpenJPH) share. */
export interface WasmDecoder<I extends WasmFrameInfo = WasmFrameInfo> {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): I;
  getDecodedBuffer(): Uint8Array;
}

/** How errors name the format: "<name> <stream> does not end with an <marker> marker". */
export interface StreamFormat {
  name: string;
  stream: 'stream' | 'codestream';
  marker: 'EOI' | 'EOC';
}

/**
 * Runs one frame through a WebAssembly decoder. A stream without its end marker is refused first:
 * cut short, the IJG, libjpeg-turbo, OpenJPEG and OpenJPH decoders fill the rest silently (black or
 * grey) and CharLS takes seconds to fail. `afterDecode` may throw for failures the decoder only
 * prints. The frame's size and components must match the header. The decoded samples stay in the
 * decoder (`getDecodedBuffer`) until its next decode.
 */
export function runWasmDecoder<I extends WasmFrameInfo>(
  decoder: WasmDecoder<I>, frame: Uint8Array, d: PixelDescription, format: StreamFormat, afterDecode?: () => void,
): I {
  const what = `${format.name} ${format.stream}`;
  if (!hasEndMarker(frame)) throw new DicomError('ERR_TRUNCATED', `${what} does not end with an ${format.marker} marker (FFD9): truncated or overwritten`);
  decoder.getEncodedBuffer(frame.length).set(frame);
  try {
    decoder.decode();
  } catch (error) {
    throw new DicomError('ERR_INVALID_VALUE', `${what} could not be decoded (${describe(error)})`);
  }
  afterDecode?.();
  const info = decoder.getFrameInfo();
  checkGeometry(format.name, info, d);
  return info;
}

/** Bytes per decoded sample: the decoders write 8 bits up to 8-bit precision, else 16. */
export function bytesPerSample(info: WasmFrameInfo): 1 | 2 {
  return info.bitsPerSample <= 8 ? 1 : 2;
}

/** JPEG 2000 and HTJ2K undo their colour transform (YBR_RCT / YBR_ICT): the samples come out RGB. */
export function j2kColour(d: PixelDescription): string | undefined {
  return d.samplesPerPixel === 3 && d.photometricInterpretation.startsWith('YBR_') ? 'RGB' : undefined;
}

/** A thrown value from WebAssembly as text (Emscripten throws bare numbers). */
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
