import { DicomError, Tags, concatChunks, TransferSyntaxes, encapsulatedFrames, lookupTransferSyntax, nativeFrame, type DataSet, type P10File } from '@cxrlab/dicom';
import type { CodecOutput } from '../codecs/codec.js';
import { codecsFor, initCodecs, isCodecReady } from '../codecs/registry.js';
import { allocatePixels, viewAs, type DecodedFrame, type PixelArray } from './decoded-frame.js';
import { describePixels, frameByteLength, type PixelDescription } from './pixel-description.js';

/** A data set and the transfer syntax its pixel data is encoded in. */
export interface PixelSource {
  dataSet: DataSet;
  transferSyntaxUID: string;
}

export function pixelSource(file: P10File): PixelSource {
  return { dataSet: file.dataSet, transferSyntaxUID: file.transferSyntax.uid };
}

/** Decodes frame `index` (0-based); loads the codecs it needs first. */
export async function decodeFrame(source: PixelSource, index = 0): Promise<DecodedFrame> {
  const ts = lookupTransferSyntax(source.transferSyntaxUID);
  if (ts?.encapsulated) await initCodecs([source.transferSyntaxUID]);
  return decodeFrameSync(source, index);
}

/** Decodes frame `index`; the codecs must have been loaded with `initCodecs`. */
export function decodeFrameSync(source: PixelSource, index = 0): DecodedFrame {
  const pixels = source.dataSet.get(Tags.PixelData);
  if (!pixels) {
    const other = source.dataSet.get(Tags.FloatPixelData) ?? source.dataSet.get(Tags.DoubleFloatPixelData);
    throw new DicomError('ERR_UNSUPPORTED', other ? 'float pixel data is not supported' : 'the data set has no Pixel Data (7FE0,0010)', { tag: Tags.PixelData });
  }
  const d = describePixels(source.dataSet, source.transferSyntaxUID);
  if (index < 0 || index >= d.numberOfFrames || !Number.isInteger(index)) {
    throw new DicomError('ERR_INVALID_VALUE', `frame ${index} does not exist (the image has ${d.numberOfFrames} frame${d.numberOfFrames === 1 ? '' : 's'}, numbered from 0)`, { tag: Tags.NumberOfFrames });
  }
  if (pixels.kind === 'fragments') return decodeEncapsulated(source, d, index);
  const ts = lookupTransferSyntax(source.transferSyntaxUID);
  // A private or newer syntax may store native pixels in any byte order or packing: do not guess.
  if (!ts) throw new DicomError('ERR_UNSUPPORTED', `unknown transfer syntax ${source.transferSyntaxUID}: its pixel data encoding is not known`, { tag: Tags.PixelData });
  if (ts.encapsulated) {
    throw new DicomError('ERR_INVALID_VALUE', `transfer syntax ${ts.name} needs encapsulated pixel data, but Pixel Data is native`, { tag: Tags.PixelData });
  }
  if (d.photometricInterpretation === 'YBR_FULL_422' && d.samplesPerPixel === 3) {
    return finish({ bytes: expandYbr422(pixels.kind === 'bytes' ? pixels.value : new Uint8Array(), d, index), planar: false }, d);
  }
  // nativeFrame throws ERR_TRUNCATED when the pixel data is shorter than the frame.
  const bytes = nativeFrame(source.dataSet, index);
  return finish({ bytes, planar: d.samplesPerPixel > 1 && d.planarConfiguration === 1 }, d);
}

/**
 * Native YBR_FULL_422 (PS3.3 C.7.6.3.1.2): each pair of pixels is stored as Y1 Y2 Cb Cr, so a frame
 * is 2/3 the size of a full one. Expanded to Y Cb Cr per pixel, the pair sharing its chroma.
 */
function expandYbr422(all: Uint8Array, d: PixelDescription, index: number): Uint8Array {
  if (d.bitsAllocated !== 8) throw new DicomError('ERR_UNSUPPORTED', `YBR_FULL_422 with Bits Allocated ${d.bitsAllocated} is not supported`, { tag: Tags.BitsAllocated });
  if (d.columns % 2 !== 0) throw new DicomError('ERR_INVALID_VALUE', `YBR_FULL_422 needs an even number of columns, not ${d.columns}`, { tag: Tags.Columns });
  const size = d.rows * d.columns * 2;
  const start = size * index;
  if (start + size > all.length) {
    throw new DicomError('ERR_TRUNCATED', `pixel data holds ${all.length} bytes; YBR_FULL_422 frame ${index} needs bytes up to ${start + size}`, { tag: Tags.PixelData });
  }
  const out = new Uint8Array(d.rows * d.columns * 3);
  for (let i = start, o = 0; i < start + size; i += 4, o += 6) {
    const cb = all[i + 2]!;
    const cr = all[i + 3]!;
    out[o] = all[i]!;
    out[o + 1] = cb;
    out[o + 2] = cr;
    out[o + 3] = all[i + 1]!;
    out[o + 4] = cb;
    out[o + 5] = cr;
  }
  return out;
}

function decodeEncapsulated(source: PixelSource, d: PixelDescription, index: number): DecodedFrame {
  const uid = source.transferSyntaxUID;
  const ts = lookupTransferSyntax(uid);
  const frames = encapsulatedFrames(source.dataSet);
  const fragments = frames[index];
  if (!fragments) throw new DicomError('ERR_INVALID_VALUE', `frame ${index} is missing from the encapsulated pixel data (${frames.length} found)`, { tag: Tags.PixelData });
  const frame = fragments.length === 1 ? fragments[0]! : concatChunks(fragments);
  if (uid === TransferSyntaxes.EncapsulatedUncompressedExplicitVRLittleEndian.uid) {
    return finish({ bytes: checkLength(frame, d, index), planar: d.samplesPerPixel > 1 && d.planarConfiguration === 1 }, d);
  }
  const candidates = codecsFor(uid);
  if (candidates.length === 0) {
    throw new DicomError('ERR_UNSUPPORTED', `no decoder for transfer syntax ${uid}${ts ? ` (${ts.name})` : ''}`, { tag: Tags.PixelData });
  }
  const failures: string[] = [];
  for (const codec of candidates) {
    if (!isCodecReady(codec)) {
      failures.push(`${codec.name}: not loaded (call initCodecs first)`);
      continue;
    }
    if (codec.accepts && !codec.accepts(frame, d)) continue;
    try {
      return finish(codec.decode(frame, d), d);
    } catch (error) {
      failures.push(`${codec.name}: ${error instanceof DicomError ? error.reason : (error as Error).message}`);
    }
  }
  throw new DicomError('ERR_INVALID_VALUE', `frame ${index} (${ts?.name ?? uid}) could not be decoded: ${failures.join('; ') || 'no codec accepted it'}`, { tag: Tags.PixelData });
}

function checkLength(bytes: Uint8Array, d: PixelDescription, index: number): Uint8Array {
  if (bytes.length < frameByteLength(d)) {
    throw new DicomError('ERR_TRUNCATED', `frame ${index} holds ${bytes.length} bytes; needs ${frameByteLength(d)}`, { tag: Tags.PixelData });
  }
  return bytes;
}

/** Codec output -> stored values: typed by Bits Allocated, interleaved, masked and sign-extended. */
function finish(output: CodecOutput, d: PixelDescription): DecodedFrame {
  const count = d.rows * d.columns * d.samplesPerPixel;
  let data: PixelArray;
  if (d.bitsAllocated === 1) {
    data = unpackBits(output.bytes, count);
  } else {
    const size = output.bytesPerSample ?? Math.ceil(d.bitsAllocated / 8);
    const allocated = size === Math.ceil(d.bitsAllocated / 8);
    const view = viewAs(output.bytes, { bitsAllocated: size * 8, pixelRepresentation: d.pixelRepresentation });
    if (view.length < count) {
      throw new DicomError('ERR_TRUNCATED', `decoded frame has ${view.length} samples; ${d.rows}x${d.columns}x${d.samplesPerPixel} needs ${count}`, { tag: Tags.PixelData });
    }
    if (allocated && !output.planar) {
      data = view.length === count ? view : view.subarray(0, count);
    } else {
      data = allocatePixels(d, count);
      if (output.planar) interleave(view, data, d.rows * d.columns, d.samplesPerPixel);
      else data.set(view.subarray(0, count));
    }
    data = maskAndExtend(data, d);
  }
  return {
    rows: d.rows,
    columns: d.columns,
    samplesPerPixel: d.samplesPerPixel,
    bitsStored: d.bitsStored,
    signed: d.pixelRepresentation === 1,
    photometricInterpretation: output.photometricInterpretation ?? d.photometricInterpretation,
    data,
  };
}

function unpackBits(bytes: Uint8Array, count: number): Uint8Array {
  if (bytes.length * 8 < count) throw new DicomError('ERR_TRUNCATED', `1-bit frame holds ${bytes.length * 8} bits; needs ${count}`, { tag: Tags.PixelData });
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = (bytes[i >> 3]! >> (i & 7)) & 1;
  return out;
}

function interleave(planes: PixelArray, out: PixelArray, pixels: number, samples: number): void {
  for (let s = 0; s < samples; s++) {
    const base = s * pixels;
    for (let i = 0, o = s; i < pixels; i++, o += samples) out[o] = planes[base + i]!;
  }
}

/**
 * Keeps only the Bits Stored bits ending at High Bit (PS3.5 8.1.1: the other bits may hold
 * anything, e.g. overlays) and, for signed pixels, sign-extends them, into a new array: the data
 * may be a view of the file's bytes, which we must not modify. Unchanged data is returned as is.
 */
function maskAndExtend(data: PixelArray, d: PixelDescription): PixelArray {
  const allocated = d.bitsAllocated;
  const shift = Math.max(0, d.highBit - d.bitsStored + 1);
  if (d.bitsStored >= allocated && shift === 0) return data;
  const mask = d.bitsStored >= 32 ? 0xffffffff : (1 << d.bitsStored) - 1;
  const signBit = 1 << (d.bitsStored - 1);
  const needsWork = d.pixelRepresentation === 1 || shift > 0 || hasBitsOutside(data, mask);
  if (!needsWork) return data;
  const out = allocatePixels(d, data.length);
  if (d.pixelRepresentation === 1) {
    for (let i = 0; i < data.length; i++) {
      const v = (data[i]! >>> shift) & mask;
      out[i] = v & signBit ? v - (mask + 1) : v;
    }
  } else {
    for (let i = 0; i < data.length; i++) out[i] = (data[i]! >>> shift) & mask;
  }
  return out;
}

/**
 * Whether any sample has a bit set outside `mask`. 16-bit samples are OR-ed two at a time through a
 * 32-bit view (a branch-free pass, twice as fast on a chest-sized frame, where the answer is almost
 * always no and every sample must be looked at anyway).
 */
function hasBitsOutside(data: PixelArray, mask: number): boolean {
  const outside = ~mask;
  if (data.BYTES_PER_ELEMENT === 2 && data.byteOffset % 4 === 0) {
    const pairs = new Uint32Array(data.buffer, data.byteOffset, data.length >>> 1);
    const outside16 = outside & 0xffff;
    let seen = 0;
    for (let i = 0; i < pairs.length; i++) seen |= pairs[i]!;
    if (((seen | (seen >>> 16)) & outside16) !== 0) return true;
    return data.length % 2 === 1 && (data[data.length - 1]! & outside) !== 0;
  }
  for (let i = 0; i < data.length; i++) if (data[i]! & outside) return true;
  return false;
}
