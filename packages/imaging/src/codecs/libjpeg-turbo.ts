import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { loadEmscripten } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { hasEndMarker, jpegPrecision } from './jpeg-markers.js';
import { checkGeometry, describe } from './openjpeg.js';

interface FrameInfo { width: number; height: number; bitsPerSample: number; componentCount: number }
interface JPEGDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  decode(): void;
  getFrameInfo(): FrameInfo;
  getDecodedBuffer(): Uint8Array;
}
interface TurboModule { JPEGDecoder: new () => JPEGDecoder }

let decoder: JPEGDecoder | undefined;

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
    // Without EOI the IJG decoders fill the rest of the frame (often black) with only a warning.
    if (!hasEndMarker(frame)) throw new DicomError('ERR_TRUNCATED', 'JPEG stream does not end with an EOI marker (FFD9): truncated or overwritten');
    decoder.getEncodedBuffer(frame.length).set(frame);
    try {
      decoder.decode();
    } catch (error) {
      throw new DicomError('ERR_INVALID_VALUE', `JPEG stream could not be decoded (${describe(error)})`);
    }
    const info = decoder.getFrameInfo();
    checkGeometry('JPEG', info, d);
    return {
      bytes: decoder.getDecodedBuffer().slice(),
      planar: false,
      bytesPerSample: 1,
      photometricInterpretation: info.componentCount === 3 && d.photometricInterpretation !== 'RGB' ? 'RGB' : undefined,
    };
  },
};
