import { DicomError, TransferSyntaxes } from '@cxrlab/dicom';
import type { PixelDescription } from '../pixel/pixel-description.js';
import { requireCjs } from '../internal/wasm-module.js';
import type { CodecOutput, PixelCodec } from './codec.js';
import { hasEndMarker, jpegPrecision } from './jpeg-markers.js';
import { describe } from './wasm-decoder.js';

interface Context {
  getDecodedBuffer(): Uint8Array | undefined;
  getWidth(): number | undefined;
  getHeight(): number | undefined;
  getPhotometricInterpretation(): string | undefined;
}
interface DcmjsCodecs {
  Context: new (attrs: object) => Context;
  NativeCodecs: {
    initializeAsync(options: { webAssemblyModulePathOrUrl: string; logCodecsInfo?: boolean }): Promise<void>;
    isInitialized(): boolean;
    decodeJpeg(context: Context, parameters?: { convertColorspaceToRgb?: boolean }): Context;
  };
}

let codecs: DcmjsCodecs | undefined;

/**
 * JPEG Baseline, Extended 12-bit and Lossless (processes 1, 2/4 and 14) through DCMTK's IJG
 * 8/12/16-bit libraries compiled to WebAssembly (dcmjs-codecs).
 */
export const dcmtkJpegCodec: PixelCodec = {
  name: 'dcmtk-ijg',
  transferSyntaxes: [
    TransferSyntaxes.JPEGBaseline8Bit.uid, TransferSyntaxes.JPEGExtended12Bit.uid,
    TransferSyntaxes.JPEGLossless.uid, TransferSyntaxes.JPEGLosslessSV1.uid,
  ],
  async init() {
    if (codecs?.NativeCodecs.isInitialized()) return;
    const loaded = requireCjs('dcmjs-codecs') as DcmjsCodecs;
    const wasm = requireCjs.resolve('dcmjs-codecs').replace(/dcmjs-codecs\.min\.js$/, 'dcmjs-native-codecs.wasm');
    await loaded.NativeCodecs.initializeAsync({ webAssemblyModulePathOrUrl: wasm, logCodecsInfo: false });
    codecs = loaded;
  },
  decode(frame: Uint8Array, d: PixelDescription): CodecOutput {
    if (!codecs) throw new Error('dcmtk-ijg codec used before init()');
    const header = jpegPrecision(frame);
    if (!header) throw new DicomError('ERR_INVALID_VALUE', 'JPEG stream has no SOI/SOF marker');
    // Without EOI the IJG decoders fill the rest of the frame (often black) with only a warning.
    if (!hasEndMarker(frame)) throw new DicomError('ERR_TRUNCATED', 'JPEG stream does not end with an EOI marker (FFD9): truncated or overwritten');
    const colour = d.samplesPerPixel === 3;
    const context = new codecs.Context({
      width: d.columns, height: d.rows,
      bitsAllocated: header.precision <= 8 ? 8 : 16, bitsStored: header.precision,
      samplesPerPixel: d.samplesPerPixel, pixelRepresentation: d.pixelRepresentation,
      planarConfiguration: 0, photometricInterpretation: d.photometricInterpretation,
      encodedBuffer: frame,
    });
    let out: Context;
    try {
      out = codecs.NativeCodecs.decodeJpeg(context, { convertColorspaceToRgb: colour && d.photometricInterpretation !== 'RGB' });
    } catch (error) {
      throw new DicomError('ERR_INVALID_VALUE', `JPEG stream could not be decoded (${describe(error)})`);
    }
    const bytes = out.getDecodedBuffer();
    if (!bytes || bytes.length === 0) throw new DicomError('ERR_INVALID_VALUE', 'JPEG stream could not be decoded (no output)');
    return {
      bytes: bytes.slice(),
      planar: false,
      bytesPerSample: header.precision <= 8 ? 1 : 2,
      photometricInterpretation: colour && header.process !== 'lossless' && d.photometricInterpretation !== 'RGB' ? 'RGB' : undefined,
    };
  },
};
