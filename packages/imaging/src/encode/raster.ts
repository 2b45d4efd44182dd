import type SharpType from 'sharp';
import { encodePng } from './png.js';

let loaded: Promise<typeof SharpType> | undefined;

/**
 * sharp (libvips) on first use: loading it costs about 100 ms, which commands that never encode
 * an image should not pay. cxrlab runs one conversion per worker thread, so libvips' own thread
 * pool would oversubscribe the cores, and its operation cache only grows in a batch that never
 * repeats an input.
 */
function loadSharp(): Promise<typeof SharpType> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    sharp.concurrency(1);
    sharp.cache(false);
    return sharp;
  });
  return loaded;
}

export interface RasterInput {
  width: number;
  height: number;
  channels: 1 | 3;
  /** 8-bit samples, or 16-bit grey for PNG. */
  data: Uint8Array | Uint16Array;
}

export interface RasterOptions {
  format: 'png' | 'jpeg';
  /** Scale so the longer side is `size` pixels, keeping the aspect ratio (Lanczos 3). */
  size?: number;
  /** JPEG quality 1-100 (default 95). */
  quality?: number;
  /** PNG zlib level 0-9 (default 4: encode/png.ts). */
  compressionLevel?: number;
}

export interface EncodedRaster {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/**
 * PNG (8 or 16 bits, our own encoder: encode/png.ts) or JPEG (libvips, through sharp), optionally
 * resized with libvips' Lanczos 3.
 */
export async function encodeRaster(image: RasterInput, options: RasterOptions): Promise<EncodedRaster> {
  if (options.format === 'png' && options.size === undefined) {
    return { bytes: encodePng(image, { level: options.compressionLevel }), width: image.width, height: image.height };
  }
  const sharp = await loadSharp();
  const deep = image.data instanceof Uint16Array;
  // sharp takes the sample depth of raw input from the typed array's type.
  let pipeline = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
    limitInputPixels: false,
  });
  let width = image.width;
  let height = image.height;
  if (options.size !== undefined) {
    const scale = options.size / Math.max(width, height);
    width = Math.max(1, Math.round(width * scale));
    height = Math.max(1, Math.round(height * scale));
    pipeline = pipeline.resize(width, height, { fit: 'fill', kernel: 'lanczos3' });
  }
  if (deep) pipeline = pipeline.toColourspace('grey16');
  else if (image.channels === 1) pipeline = pipeline.toColourspace('b-w');
  if (options.format === 'jpeg') {
    const out = await pipeline.jpeg({ quality: options.quality ?? 95, chromaSubsampling: '4:4:4' }).toBuffer();
    return { bytes: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), width, height };
  }
  const { data, info } = await pipeline.raw(deep ? { depth: 'ushort' } : {}).toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== image.channels) {
    throw new Error(`resize gave ${info.width}x${info.height}x${info.channels}, expected ${width}x${height}x${image.channels}`);
  }
  const resized = deep
    ? new Uint16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength))
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return { bytes: encodePng({ width, height, channels: image.channels, data: resized }, { level: options.compressionLevel }), width, height };
}
