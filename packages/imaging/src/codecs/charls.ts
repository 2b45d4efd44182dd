import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { checkGeometry, describe } from './openjpeg.js';
import { hasEndMarker } from './jpeg-markers.js';

interface FrameInfo { width: number; height: number; bitsPerSample: number; componentCount: number }
interface JpegLSDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getInterleaveMode(): number;
  getDecodedBuffer(): Uint8Array;
}
interface CharlsModule { JpegLSDecoder: new () => JpegLSDecoder }

let decoder: JpegLSDecoder | undefined;

/** JPEG-LS lossless and near-lossless through the WebAssembly build of CharLS. */
export const charlsCodec: PixelCodec = {
  name: 'charls',
  transferSyntaxes: [TransferSyntaxes.JPEGLSLossless.uid, TransferSyntaxes.JPEGLSNearLossless.uid],
  async init() {
    if (decoder) return;
    const module = await loadEmscripten<CharlsModule>('@cornerstonejs/codec-charls/decodewasmjs');
    decoder = new module.JpegLSDecoder();
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!decoder) throw new Error('charls codec used before init()');
    // CharLS fails on a cut-short stream too, but only after up to ~10 s on a chest X-ray.
    if (!hasEndMarker(frame)) throw new DicomError('ERR_TRUNCATED', 'JPEG-LS stream does not end with an EOI marker (FFD9): truncated or overwritten');
    decoder.getEncodedBuffer(frame.length).set(frame);
    try {
      decoder.decode();
    } catch (error) {
      throw new DicomError('ERR_INVALID_VALUE', `JPEG-LS stream could not be decoded (${describe(error)})`);
    }
    const info = decoder.getFrameInfo();
    checkGeometry('JPEG-LS', info, d);
    // Interleave mode 0 (none) leaves the components one after another.
    const planar = info.componentCount > 1 && decoder.getInterleaveMode() === 0;
    return { bytes: decoder.getDecodedBuffer().slice(), planar, bytesPerSample: info.bitsPerSample <= 8 ? 1 : 2 };
  },
};
