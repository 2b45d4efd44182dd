// Test helpers for the scrub tests: small image data sets of any layout, and checks on results.
import { DataSet, Tags, bytesElement, type Element } from '@cxrlab/dicom';
import { decodeFrame, type DecodedFrame, type PixelArray } from '@cxrlab/imaging';
import type { PixelBox } from '../pixel-box.js';
import type { ScrubInput, ScrubResult } from '../scrub-pixel-data.js';
import type { TextRegion } from '../text-region.js';

export interface ImageLayout {
  rows: number;
  columns: number;
  bitsAllocated?: 8 | 16 | 32;
  bitsStored?: number;
  highBit?: number;
  signed?: boolean;
  photometric?: string;
  samples?: 1 | 3;
  frames?: number;
  planar?: boolean;
}

const us = (tag: number, v: number): Element => bytesElement(tag, 'US', new Uint8Array(new Uint16Array([v]).buffer));
const text = (tag: number, vr: 'CS' | 'IS', v: string): Element => bytesElement(tag, vr, new TextEncoder().encode(v.length % 2 ? `${v} ` : v));

/** An image data set (Image Pixel module only) around `pixelData`. */
export function imageFile(layout: ImageLayout, pixelData: Element, transferSyntaxUID: string): ScrubInput {
  const bitsAllocated = layout.bitsAllocated ?? 16;
  const bitsStored = layout.bitsStored ?? bitsAllocated;
  const samples = layout.samples ?? 1;
  const ds = new DataSet();
  ds.set(us(Tags.SamplesPerPixel, samples));
  ds.set(text(Tags.PhotometricInterpretation, 'CS', layout.photometric ?? (samples === 3 ? 'RGB' : 'MONOCHROME2')));
  if (samples === 3) ds.set(us(0x00280006, layout.planar ? 1 : 0));
  if (layout.frames !== undefined) ds.set(text(Tags.NumberOfFrames, 'IS', String(layout.frames)));
  ds.set(us(Tags.Rows, layout.rows));
  ds.set(us(Tags.Columns, layout.columns));
  ds.set(us(Tags.BitsAllocated, bitsAllocated));
  ds.set(us(Tags.BitsStored, bitsStored));
  ds.set(us(Tags.HighBit, layout.highBit ?? bitsStored - 1));
  ds.set(us(Tags.PixelRepresentation, layout.signed ? 1 : 0));
  ds.set(pixelData);
  return { dataSet: ds, transferSyntax: { uid: transferSyntaxUID } };
}

/** Native Pixel Data holding a typed array's bytes. */
export function nativeElement(pixels: PixelArray): Element {
  const bytes = new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength).slice();
  return bytesElement(Tags.PixelData, pixels.BYTES_PER_ELEMENT === 1 ? 'OB' : 'OW', bytes);
}

/** The scrubbed file: the input's data set with the new Pixel Data and header values. */
export function scrubbedFile(input: ScrubInput, result: ScrubResult): ScrubInput {
  if (!result.element || !result.transferSyntaxUID) throw new Error('the result has no new pixel data');
  const ds = new DataSet();
  for (const e of input.dataSet.elements()) ds.set(e);
  ds.set(result.element);
  if (result.photometricInterpretation) ds.set(text(Tags.PhotometricInterpretation, 'CS', result.photometricInterpretation));
  if (result.planarConfiguration !== undefined) ds.set(us(0x00280006, result.planarConfiguration));
  return { dataSet: ds, transferSyntax: { uid: result.transferSyntaxUID } };
}

export function decodeInput(input: ScrubInput, frame = 0): Promise<DecodedFrame> {
  return decodeFrame({ dataSet: input.dataSet, transferSyntaxUID: input.transferSyntax.uid }, frame);
}

/** Every pixel of `box` lies in one of the frame's regions. */
export function isCovered(box: PixelBox, regions: readonly TextRegion[], frame = 0): boolean {
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      if (!regions.some((r) => r.frame === frame && x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)) return false;
    }
  }
  return true;
}

/** The samples of `box` that differ from the box's first pixel: 0 when no stroke survives. */
export function strokesLeft(frame: DecodedFrame, box: PixelBox): number {
  const s = frame.samplesPerPixel;
  const first = (box.y * frame.columns + box.x) * s;
  let left = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let i = (y * frame.columns + box.x) * s; i < (y * frame.columns + box.x + box.width) * s; i++) {
      if (frame.data[i] !== frame.data[first + (i % s)]) left++;
    }
  }
  return left;
}

/** The samples that differ between two frames, listed up to `limit` as "x,y". */
export function differences(a: DecodedFrame, b: DecodedFrame, limit = 5): { count: number; first: string[] } {
  let count = 0;
  const first: string[] = [];
  for (let i = 0; i < a.data.length; i++) {
    if (a.data[i] === b.data[i]) continue;
    if (count++ < limit) {
      const p = Math.floor(i / a.samplesPerPixel);
      first.push(`${p % a.columns},${Math.floor(p / a.columns)}`);
    }
  }
  return { count, first };
}

/** Samples that differ between two frames at pixels outside every region of frame `frame`. */
export function changedOutside(a: DecodedFrame, b: DecodedFrame, regions: readonly TextRegion[], frame = 0): number {
  const mine = regions.filter((r) => r.frame === frame);
  let count = 0;
  for (let i = 0; i < a.data.length; i++) {
    if (a.data[i] === b.data[i]) continue;
    const p = Math.floor(i / a.samplesPerPixel);
    const [x, y] = [p % a.columns, Math.floor(p / a.columns)];
    if (!mine.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)) count++;
  }
  return count;
}
