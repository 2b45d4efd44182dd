import { DicomError, numberOfFrames, type P10File } from '@cxrlab/dicom';
import { encodeNpy } from '../encode/npy.js';
import { encodeRaster } from '../encode/raster.js';
import { decodeFrame, pixelSource } from '../pixel/decode-frame.js';
import type { DecodedFrame, PixelArray } from '../pixel/decoded-frame.js';
import { modalityImage16 } from '../render/modality-image16.js';
import { renderFrame, type WindowMode } from '../render/render-frame.js';

export type OutputFormat = 'png' | 'png16' | 'jpeg' | 'npy';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['png', 'png16', 'jpeg', 'npy'];

export interface ConvertOptions {
  format: OutputFormat;
  /** Grey-level mapping for png and jpeg (default `dicom`). */
  window?: WindowMode;
  /** Longer side of the output in pixels (png, png16, jpeg); the aspect ratio is kept. */
  size?: number;
  /** 0-based frame; default 0, or for npy every frame. */
  frame?: number;
  /** JPEG quality (default 95). */
  quality?: number;
  /** Which of several windows / VOI LUTs in the file (default 0). */
  voiIndex?: number;
}

export interface ConvertedImage {
  bytes: Uint8Array;
  extension: '.png' | '.jpg' | '.npy';
  width: number;
  height: number;
}

/** One DICOM file to PNG, 16-bit PNG, JPEG or NumPy .npy. Throws DicomError naming the reason. */
export async function convertFile(file: P10File, options: ConvertOptions): Promise<ConvertedImage> {
  const source = pixelSource(file);
  if (options.format === 'npy') return toNpy(source, options.frame);
  if (options.size !== undefined && !(Number.isInteger(options.size) && options.size > 0)) {
    throw new DicomError('ERR_INVALID_VALUE', `size ${options.size} is not a positive whole number`);
  }
  const frame = await decodeFrame(source, options.frame ?? 0);
  if (options.format === 'png16') {
    const grey = modalityImage16(frame, file.dataSet);
    const out = await encodeRaster({ width: grey.width, height: grey.height, channels: 1, data: grey.data }, { format: 'png', size: options.size });
    return { ...out, extension: '.png' };
  }
  const image = renderFrame(frame, file.dataSet, { window: options.window, voiIndex: options.voiIndex });
  const format = options.format === 'jpeg' ? 'jpeg' : 'png';
  const out = await encodeRaster(image, { format, size: options.size, quality: options.quality });
  return { ...out, extension: format === 'jpeg' ? '.jpg' : '.png' };
}

/** The stored values, shaped as pydicom's `pixel_array`: (frames,) rows, columns (, samples). */
async function toNpy(source: ReturnType<typeof pixelSource>, frameIndex: number | undefined): Promise<ConvertedImage> {
  const first = await decodeFrame(source, frameIndex ?? 0);
  const frames: DecodedFrame[] = [first];
  const count = frameIndex === undefined ? numberOfFrames(source.dataSet) : 1;
  for (let k = 1; k < count; k++) frames.push(await decodeFrame(source, k));
  const shape = [first.rows, first.columns, ...(first.samplesPerPixel > 1 ? [first.samplesPerPixel] : [])];
  let data: PixelArray = first.data;
  if (frames.length > 1) {
    shape.unshift(frames.length);
    const Type = first.data.constructor as new (n: number) => PixelArray;
    data = new Type(first.data.length * frames.length);
    frames.forEach((f, k) => data.set(f.data, k * first.data.length));
  }
  return { bytes: encodeNpy(data, shape), extension: '.npy', width: first.columns, height: first.rows };
}
