// @cxrlab/imaging: pixel data decoding, the PS3.3 C.11 display pipeline and image encoding.
export { describePixels, checkDescription, frameByteLength, type PixelDescription } from './pixel/pixel-description.js';
export { allocatePixels, type DecodedFrame, type PixelArray } from './pixel/decoded-frame.js';
export { decodeFrame, decodeFrameSync, pixelSource, type PixelSource } from './pixel/decode-frame.js';
export type { PixelCodec, CodecOutput } from './codecs/codec.js';
export { registerCodec, codecsFor, initCodecs, compressedTransferSyntaxes } from './codecs/registry.js';

export { modalityLut, type ModalityLut } from './lut/modality-lut.js';
export { fileVoiLut, percentileWindow, type VoiLut } from './lut/voi-lut.js';
export { windowFunction, type VoiFunction } from './lut/window.js';
export { invertsForDisplay } from './lut/presentation.js';
export { renderFrame, WINDOW_MODES, type WindowMode, type RenderOptions, type RenderedImage } from './render/render-frame.js';
export { modalityImage16, type ModalityImage16 } from './render/modality-image16.js';
export { equalizationTable } from './render/equalize-histogram.js';
export { encodeNpy } from './encode/npy.js';
export { encodeRaster, type RasterInput, type RasterOptions, type EncodedRaster } from './encode/raster.js';
export { convertFile, OUTPUT_FORMATS, type OutputFormat, type ConvertOptions, type ConvertedImage } from './convert/convert-file.js';

// Pixel data encoders and the synthetic chest radiograph generator (`cxrlab synth`).
export { PIXEL_ENCODINGS, PIXEL_ENCODING_NAMES, isPixelEncoding, type PixelEncoding } from './encode-pixels/pixel-encodings.js';
export { encodePixelData, type EncodePixelOptions, type EncodedPixelData } from './encode-pixels/encode-pixel-data.js';
export { encapsulateFrames, evenLength } from './encode-pixels/encapsulate.js';
export type { GreyFrame } from './encode-pixels/frame-encoder.js';
export { synthesizeChestImage, type ChestImage, type ChestImageOptions, type Monochrome } from './synth/chest-image.js';
export { synthesizeChestFile, photometricFor, type SynthChestFile, type SynthChestFileOptions, type PhotometricChoice } from './synth/synth-chest-file.js';
export { chestHeader, type ChestHeaderOptions } from './synth/chest-header.js';
export { encodePng, type PngImage, type PngOptions } from './encode/png.js';
