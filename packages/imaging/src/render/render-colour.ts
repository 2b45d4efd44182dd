import { DicomError, type DataSet } from '@cxrlab/dicom';
import type { DecodedFrame } from '../pixel/decoded-frame.js';
import type { RenderedImage } from './render-frame.js';
import { expandSegmentedLut } from './segmented-lut.js';

const PALETTE = [
  { descriptor: 0x00281101, data: 0x00281201, name: 'Red' },
  { descriptor: 0x00281102, data: 0x00281202, name: 'Green' },
  { descriptor: 0x00281103, data: 0x00281203, name: 'Blue' },
] as const;

/** RGB, YBR_FULL (PS3.3 C.7.6.3.1.2) and PALETTE COLOR frames as 8-bit RGB; no windowing. */
export function renderColour(frame: DecodedFrame, ds: DataSet): RenderedImage {
  const pi = frame.photometricInterpretation;
  const pixels = frame.rows * frame.columns;
  const out = new Uint8Array(pixels * 3);
  if (pi === 'PALETTE COLOR') {
    if (frame.samplesPerPixel !== 1) throw new DicomError('ERR_INVALID_VALUE', 'PALETTE COLOR needs 1 sample per pixel');
    const luts = PALETTE.map((p) => paletteLut(ds, p.descriptor, p.data, p.name));
    for (let i = 0; i < pixels; i++) {
      const v = frame.data[i]!;
      for (let c = 0; c < 3; c++) {
        const lut = luts[c]!;
        const k = v - lut.first;
        out[3 * i + c] = lut.table[k <= 0 ? 0 : k >= lut.table.length ? lut.table.length - 1 : k]!;
      }
    }
    return { width: frame.columns, height: frame.rows, channels: 3, data: out };
  }
  if (frame.samplesPerPixel !== 3) {
    throw new DicomError('ERR_UNSUPPORTED', `photometric interpretation ${pi} with ${frame.samplesPerPixel} sample(s) per pixel cannot be rendered`);
  }
  const shift = Math.max(0, frame.bitsStored - 8);
  const data = frame.data;
  if (pi === 'RGB') {
    for (let i = 0; i < out.length; i++) out[i] = data[i]! >> shift;
  } else if (pi === 'YBR_FULL' || pi === 'YBR_FULL_422') {
    for (let i = 0; i < pixels; i++) {
      const y = data[3 * i]! >> shift;
      const cb = (data[3 * i + 1]! >> shift) - 128;
      const cr = (data[3 * i + 2]! >> shift) - 128;
      out[3 * i] = clampByte(y + 1.402 * cr);
      out[3 * i + 1] = clampByte(y - 0.344136 * cb - 0.714136 * cr);
      out[3 * i + 2] = clampByte(y + 1.772 * cb);
    }
  } else {
    throw new DicomError('ERR_UNSUPPORTED', `photometric interpretation ${pi} cannot be rendered`);
  }
  return { width: frame.columns, height: frame.rows, channels: 3, data: out };
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

const SEGMENTED = { Red: 0x00281221, Green: 0x00281222, Blue: 0x00281223 } as const;

function paletteLut(ds: DataSet, descriptorTag: number, dataTag: number, name: 'Red' | 'Green' | 'Blue'): { first: number; table: Uint8Array } {
  const descriptor = ds.get(descriptorTag);
  if (descriptor?.kind !== 'bytes' || descriptor.value.length < 6) {
    throw new DicomError('ERR_INVALID_VALUE', `${name} Palette Color LUT Descriptor is missing`, { tag: descriptorTag });
  }
  const d = descriptor.value;
  const count = (d[0]! | (d[1]! << 8)) || 65536;
  const first = d[2]! | (d[3]! << 8);
  const bits = d[4]! | (d[5]! << 8);
  const entries = paletteEntries(ds, dataTag, SEGMENTED[name], name, count);
  const table = new Uint8Array(entries.length);
  // Entries are 16-bit words; an 8-bit LUT holds 0-255 in them. Scaled to 8 bits by rounding.
  const max = bits > 8 ? 65535 : 255;
  for (let i = 0; i < entries.length; i++) table[i] = Math.round((Math.min(entries[i]!, max) * 255) / max);
  return { first, table };
}

function paletteEntries(ds: DataSet, dataTag: number, segmentedTag: number, name: string, count: number): ArrayLike<number> {
  const data = ds.get(dataTag);
  if (data?.kind === 'bytes' && data.value.length > 0) {
    const bytes = data.value;
    if (bytes.length >= count * 2) return Array.from({ length: count }, (_, i) => bytes[2 * i]! | (bytes[2 * i + 1]! << 8));
    if (bytes.length >= count) return bytes.subarray(0, count);
    throw new DicomError('ERR_INVALID_VALUE', `${name} Palette Color LUT Data holds ${bytes.length} bytes for ${count} entries`, { tag: dataTag });
  }
  const segmented = ds.get(segmentedTag);
  if (segmented?.kind === 'bytes' && segmented.value.length >= 2) {
    const v = segmented.value;
    const words = new Uint16Array(v.length >> 1);
    for (let i = 0; i < words.length; i++) words[i] = v[2 * i]! | (v[2 * i + 1]! << 8);
    return expandSegmentedLut(words, segmentedTag);
  }
  throw new DicomError('ERR_INVALID_VALUE', `${name} Palette Color LUT Data is missing`, { tag: dataTag });
}
