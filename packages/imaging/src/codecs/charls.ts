import { TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { bytesPerSample, runWasmDecoder, type WasmDecoder } from './wasm-decoder.js';

interface JpegLSDecoder extends WasmDecoder {
  getInterleaveMode(): number;
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
    const info = runWasmDecoder(decoder, frame, d, { name: 'JPEG-LS', stream: 'stream', marker: 'EOI' });
    // Interleave mode 0 (none) leaves the components one after another.
    const planar = info.componentCount > 1 && decoder.getInterleaveMode() === 0;
    return { bytes: decoder.getDecodedBuffer().slice(), planar, bytesPerSample: bytesPerSample(info) };
  },
};
