import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { requireCjs } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { bytesPerSample, j2kColour, runWasmDecoder, type WasmDecoder } from './wasm-decoder.js';

interface OpenJpegModule { J2KDecoder: new () => WasmDecoder }

let decoder: WasmDecoder | undefined;
/**
 * OpenJPEG's [ERROR] lines during the current decode. The wrapper only prints them: on a failed
 * header or tile it returns without throwing and leaves the PREVIOUS frame's info and pixels in
 * place (another file's image, same size), so they are the only sign that this decode failed.
 */
const messages: string[] = [];

/** JPEG 2000 (and HTJ2K as a fallback) through the WebAssembly build of OpenJPEG 2.5. */
export const openJpegCodec: PixelCodec = {
  name: 'openjpeg',
  transferSyntaxes: [
    TransferSyntaxes.JPEG2000Lossless.uid, TransferSyntaxes.JPEG2000.uid,
    TransferSyntaxes.HTJ2KLossless.uid, TransferSyntaxes.HTJ2KLosslessRPCL.uid, TransferSyntaxes.HTJ2K.uid,
  ],
  async init() {
    if (decoder) return;
    const factory = requireCjs('@cornerstonejs/codec-openjpeg/decodewasmjs') as (options: object) => Promise<OpenJpegModule>;
    const keep = (line: string) => {
      if (line.includes('[ERROR]')) messages.push(line.trim());
    };
    const module = await factory({ print: keep, printErr: keep });
    decoder = new module.J2KDecoder();
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!decoder) throw new Error('openjpeg codec used before init()');
    messages.length = 0;
    const info = runWasmDecoder(decoder, frame, d, { name: 'JPEG 2000', stream: 'codestream', marker: 'EOC' }, () => {
      if (messages.length > 0) throw new DicomError('ERR_INVALID_VALUE', `JPEG 2000 codestream could not be decoded (OpenJPEG: ${messages.join('; ')})`);
    });
    // Samples come out interleaved.
    return { bytes: decoder.getDecodedBuffer().slice(), planar: false, bytesPerSample: bytesPerSample(info), photometricInterpretation: j2kColour(d) };
  },
};
