import { DicomError } from '../core/errors.js';
import { Tags } from '../core/tags.js';
import type { DataSet } from '../data/data-set.js';
import type { FragmentsElement } from '../data/element.js';
import { binaryBigInts } from '../values/decode.js';

function usValue(ds: DataSet, tag: number): number | undefined {
  const e = ds.get(tag);
  if (e?.kind !== 'bytes' || e.value.length < 2) return undefined;
  return e.value[0]! | (e.value[1]! << 8);
}

/** Number of Frames (an IS string), 1 when absent. */
export function numberOfFrames(ds: DataSet): number {
  const e = ds.get(Tags.NumberOfFrames);
  if (e?.kind !== 'bytes' || e.value.length === 0) return 1;
  const n = parseInt(new TextDecoder('latin1').decode(e.value).trim(), 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** The bytes of one frame of native pixel data: a view, or for 1-bit frames not on byte bounds, a realigned copy. */
export function nativeFrame(ds: DataSet, index: number): Uint8Array {
  const pixels = ds.get(Tags.PixelData);
  if (pixels?.kind !== 'bytes') throw new DicomError('ERR_INVALID_VALUE', 'no native pixel data', { tag: Tags.PixelData });
  const rows = usValue(ds, Tags.Rows) ?? 0;
  const columns = usValue(ds, Tags.Columns) ?? 0;
  const samples = usValue(ds, Tags.SamplesPerPixel) ?? 1;
  const bits = usValue(ds, Tags.BitsAllocated) ?? 16;
  const frames = numberOfFrames(ds);
  if (index < 0 || index >= frames) throw new DicomError('ERR_INVALID_VALUE', `frame ${index} out of range (0-${frames - 1})`, { tag: Tags.PixelData });
  const frameBits = rows * columns * samples * bits;
  const startBit = frameBits * index;
  const endBit = startBit + frameBits;
  if (Math.ceil(endBit / 8) > pixels.value.length) {
    throw new DicomError('ERR_TRUNCATED', `pixel data holds ${pixels.value.length} bytes; frame ${index} needs bytes up to ${Math.ceil(endBit / 8)}`, { tag: Tags.PixelData });
  }
  if (startBit % 8 === 0 && frameBits % 8 === 0) return pixels.value.subarray(startBit / 8, endBit / 8);
  const out = new Uint8Array(Math.ceil(frameBits / 8));
  for (let i = 0; i < frameBits; i++) {
    const bit = startBit + i;
    if ((pixels.value[bit >> 3]! >> (bit & 7)) & 1) out[i >> 3]! |= 1 << (i & 7);
  }
  return out;
}

function readOffsets(table: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at + 4 <= table.length; at += 4) {
    out.push((table[at]! | (table[at + 1]! << 8) | (table[at + 2]! << 16) | (table[at + 3]! << 24)) >>> 0);
  }
  return out;
}

/** Groups fragments into frames by their byte offsets within the fragment items (each item = 8-byte header + data). */
function groupByOffsets(element: FragmentsElement, offsets: number[]): Uint8Array[][] {
  const starts = new Map<number, number>();
  let position = 0;
  element.fragments.forEach((f, i) => {
    starts.set(position, i);
    position += 8 + f.length;
  });
  const frames: Uint8Array[][] = [];
  for (let k = 0; k < offsets.length; k++) {
    const first = starts.get(offsets[k]!);
    const next = k + 1 < offsets.length ? starts.get(offsets[k + 1]!) : element.fragments.length;
    if (first === undefined || next === undefined || next <= first) {
      throw new DicomError('ERR_INVALID_VALUE', `offset table entry ${k} (${offsets[k]}) does not point at a fragment`, { tag: element.tag });
    }
    frames.push(element.fragments.slice(first, next));
  }
  return frames;
}

function startsFrame(fragment: Uint8Array): boolean {
  // JPEG SOI (FFD8), JPEG 2000 codestream SOC (FF4F) or JP2 signature box.
  return fragment.length >= 2 && fragment[0] === 0xff && (fragment[1] === 0xd8 || fragment[1] === 0x4f);
}

/**
 * The fragments of each frame of encapsulated pixel data, found from the Extended Offset Table,
 * the Basic Offset Table, one fragment per frame, or (last resort) frame start markers.
 */
export function encapsulatedFrames(ds: DataSet): Uint8Array[][] {
  const pixels = ds.get(Tags.PixelData);
  if (pixels?.kind !== 'fragments') throw new DicomError('ERR_INVALID_VALUE', 'no encapsulated pixel data', { tag: Tags.PixelData });
  const frames = numberOfFrames(ds);
  const eot = ds.get(Tags.ExtendedOffsetTable);
  if (eot?.kind === 'bytes' && eot.value.length > 0) {
    return groupByOffsets(pixels, binaryBigInts(eot, 'UV').map(Number));
  }
  if (pixels.offsetTable.length > 0) return groupByOffsets(pixels, readOffsets(pixels.offsetTable));
  if (frames === 1) return [pixels.fragments];
  if (pixels.fragments.length === frames) return pixels.fragments.map((f) => [f]);
  const out: Uint8Array[][] = [];
  for (const f of pixels.fragments) {
    if (out.length === 0 || (startsFrame(f) && out.length < frames)) out.push([f]);
    else out[out.length - 1]!.push(f);
  }
  if (out.length !== frames) {
    throw new DicomError('ERR_INVALID_VALUE', `cannot split ${pixels.fragments.length} fragments into ${frames} frames without an offset table`, { tag: Tags.PixelData });
  }
  return out;
}
