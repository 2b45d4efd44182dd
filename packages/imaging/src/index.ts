// @cxrlab/imaging: pixel data decoding, the PS3.3 C.11 display pipeline and image encoding.
export { describePixels, checkDescription, frameByteLength, type PixelDescription } from './pixel/pixel-description.js';
export { allocatePixels, type DecodedFrame, type PixelArray } from './pixel/decoded-frame.js';
export { decodeFrame, decodeFrameSync, pixelSource, type PixelSource } from './pixel/decode-frame.js';
export type { PixelCodec, CodecOutput } from './codecs/codec.js';
export { registerCodec, codecsFor, initCodecs, compressedTransferSyntaxes } from './codecs/registry.js';
