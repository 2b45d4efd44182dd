import type { PixelDescription } from '../pixel/pixel-description.js';

/**
 * What a codec hands back: the frame's samples as the codec produced them, in the byte layout of
 * an uncompressed frame (little endian, `bitsAllocated` per sample), and the photometric
 * interpretation of those samples when the codec changed it (JPEG colour transforms).
 */
export interface CodecOutput {
  bytes: Uint8Array;
  /** Samples are planar (R plane, G plane, B plane) rather than interleaved. */
  planar: boolean;
  /** Bytes per sample in `bytes` when it differs from Bits Allocated (an 8-bit JPEG in a 16-bit image). */
  bytesPerSample?: 1 | 2 | 4;
  photometricInterpretation?: string;
}

/**
 * A pixel data decoder for one family of transfer syntaxes. `decode` receives the fragments of
 * one frame (for native data, the frame's bytes as a single fragment) and the pixel description.
 * Codecs are tried in registration order; when all fail, every codec's reason is reported.
 */
export interface PixelCodec {
  readonly name: string;
  readonly transferSyntaxes: readonly string[];
  /** Loads WebAssembly and the like; called once before the first decode. */
  init?(): Promise<void>;
  /** True when this codec can take the frame (e.g. the 8-bit JPEG codec declines 12-bit data). */
  accepts?(frame: Uint8Array, description: PixelDescription): boolean;
  decode(frame: Uint8Array, description: PixelDescription): CodecOutput;
}
