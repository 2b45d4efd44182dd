import { TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { bytesPerSample, j2kColour, runWasmDecoder, type WasmDecoder } from './wasm-decoder.js';

interface OpenJphModule { HTJ2KDecoder: new () => WasmDecoder }

let decoder: WasmDecoder | undefined;

/** High-Throughput JPEG 2000 through the WebAssembly build of OpenJPH. */
export const openJphCodec: PixelCodec = {
  name: 'openjph',
  transferSyntaxes: [TransferSyntaxes.HTJ2KLossless.uid, TransferSyntaxes.HTJ2KLosslessRPCL.uid, TransferSyntaxes.HTJ2K.uid],
  async init() {
    if (decoder) return;
    const module = await loadEmscripten<OpenJphModule>('@cornerstonejs/codec-openjph/wasmjs');
    decoder = new module.HTJ2KDecoder();
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!decoder) throw new Error('openjph codec used before init()');
    const info = runWasmDecoder(decoder, frame, d, { name: 'HTJ2K', stream: 'codestream', marker: 'EOC' });
    return { bytes: decoder.getDecodedBuffer().slice(), planar: false, bytesPerSample: bytesPerSample(info), photometricInterpretation: j2kColour(d) };
  },
};
