import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { checkGeometry, describe } from './openjpeg.js';
import { hasEndMarker } from './jpeg-markers.js';

interface FrameInfo { width: number; height: number; bitsPerSample: number; componentCount: number; isSigned: boolean }
interface HTJ2KDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getDecodedBuffer(): Uint8Array;
}
interface OpenJphModule { HTJ2KDecoder: new () => HTJ2KDecoder }

let decoder: HTJ2KDecoder | undefined;

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
    // OpenJPH decodes a cut-short codestream without complaint, the missing code-blocks as zero.
    if (!hasEndMarker(frame)) throw new DicomError('ERR_TRUNCATED', 'HTJ2K codestream does not end with an EOC marker (FFD9): truncated or overwritten');
    decoder.getEncodedBuffer(frame.length).set(frame);
    try {
      decoder.decode();
    } catch (error) {
      throw new DicomError('ERR_INVALID_VALUE', `HTJ2K codestream could not be decoded (${describe(error)})`);
    }
    const info = decoder.getFrameInfo();
    checkGeometry('HTJ2K', info, d);
    return { bytes: decoder.getDecodedBuffer().slice(), planar: false, bytesPerSample: info.bitsPerSample <= 8 ? 1 : 2, photometricInterpretation: d.samplesPerPixel === 3 && d.photometricInterpretation.startsWith('YBR_') ? 'RGB' : undefined };
  },
};
