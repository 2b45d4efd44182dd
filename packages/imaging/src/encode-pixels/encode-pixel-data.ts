import { Tags, bytesElement, type Element } from '@cxrlab/dicom';
import { encodeJpegLS } from './charls-encoder.js';
import { encapsulateFrames } from './encapsulate.js';
import { frameBytes, type GreyFrame } from './frame-encoder.js';
import { encodeJpeg2000 } from './openjpeg-encoder.js';
import { encodeHtj2k } from './openjph-encoder.js';
import { PIXEL_ENCODINGS, type PixelEncoding } from './pixel-encodings.js';

export interface EncodePixelOptions {
  /** Target compression ratio of lossy JPEG 2000 (default 10). */
  jpeg2000Ratio?: number;
  /** NEAR of near-lossless JPEG-LS: the largest error allowed per sample (default 2). */
  near?: number;
}

export interface EncodedPixelData {
  transferSyntaxUID: string;
  /** Pixel Data (7FE0,0010): native OW, or encapsulated fragments. */
  element: Element;
  /** For lossy encodings, the values of Lossy Image Compression Ratio and Method (PS3.3 C.7.6.1.1.5). */
  lossy?: { ratio: number; method: string };
}

/** Encodes one greyscale frame as the Pixel Data of a transfer syntax. */
export async function encodePixelData(frame: GreyFrame, encoding: PixelEncoding, options: EncodePixelOptions = {}): Promise<EncodedPixelData> {
  checkFrame(frame);
  const { transferSyntaxUID, method } = PIXEL_ENCODINGS[encoding];
  if (encoding === 'explicit') return { transferSyntaxUID, element: bytesElement(Tags.PixelData, 'OW', frameBytes(frame)) };
  const codestream = await compress(frame, encoding, options);
  const element = encapsulateFrames([codestream]);
  if (method === undefined) return { transferSyntaxUID, element };
  return { transferSyntaxUID, element, lossy: { ratio: frame.pixels.byteLength / codestream.length, method } };
}

function compress(frame: GreyFrame, encoding: Exclude<PixelEncoding, 'explicit'>, options: EncodePixelOptions): Promise<Uint8Array> {
  switch (encoding) {
    case 'j2k': return encodeJpeg2000(frame);
    case 'j2k-lossy': return encodeJpeg2000(frame, options.jpeg2000Ratio ?? 10);
    case 'jpeg-ls': return encodeJpegLS(frame, 0);
    case 'jpeg-ls-near': return encodeJpegLS(frame, options.near ?? 2);
    case 'htj2k': return encodeHtj2k(frame);
  }
}

function checkFrame(frame: GreyFrame): void {
  const { rows, columns, bitsStored, pixels } = frame;
  if (pixels.length !== rows * columns) throw new RangeError(`frame holds ${pixels.length} samples, not ${rows} x ${columns}`);
  if (!Number.isInteger(bitsStored) || bitsStored < 2 || bitsStored > 16) throw new RangeError(`bitsStored must be 2 to 16 (got ${bitsStored})`);
  const max = 2 ** bitsStored - 1;
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i]! > max) throw new RangeError(`sample ${i} is ${pixels[i]}, more than ${bitsStored} bits hold`);
  }
}
