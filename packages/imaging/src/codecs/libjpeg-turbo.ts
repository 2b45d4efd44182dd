import { TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { jpegPrecision } from './jpeg-markers.js';
import { runWasmDecoder, type WasmDecoder } from './wasm-decoder.js';

interface TurboModule { JPEGDecoder: new () => WasmDecoder }

let decoder: WasmDecoder | undefined;

/** 8-bit JPEG Baseline through the WebAssembly build of libjpeg-turbo; YCbCr comes out RGB. */
export const libjpegTurboCodec: PixelCodec = {
  name: 'libjpeg-turbo',
  transferSyntaxes: [TransferSyntaxes.JPEGBaseline8Bit.uid, TransferSyntaxes.JPEGExtended12Bit.uid],
  async init() {
    if (decoder) return;
    const module = await loadEmscripten<TurboModule>('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs');
    decoder = new module.JPEGDecoder();
  },
  accepts(frame: Uint8Array) {
    // Only the baseline/extended DCT processes at 8-bit precision.
    const p = jpegPrecision(frame);
    return p !== undefined && p.precision === 8 && (p.process === 'baseline' || p.process === 'extended');
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!decoder) throw new Error('libjpeg-turbo codec used before init()');
    const info = runWasmDecoder(decoder, frame, d, { name: 'JPEG', stream: 'stream', marker: 'EOI' });
    return {
      bytes: decoder.getDecodedBuffer().slice(),
      planar: false,
      bytesPerSample: 1,
      photometricInterpretation: info.componentCount === 3 && d.photometricInterpretation !== 'RGB' ? 'RGB' : undefined,
    };
  },
};
