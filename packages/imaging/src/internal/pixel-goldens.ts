import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DecodedFrame, PixelArray } from '../pixel/decoded-frame.js';
import { testAsset } from './test-assets.js';

/** One frame of test-assets/goldens/pixels.json (made by scripts/goldens/generate_pixel_goldens.py). */
export interface FrameGolden {
  dtype: string;
  /** [rows, columns] or [rows, columns, samples]. */
  shape: number[];
  /** SHA-256 of the little-endian C-order bytes. */
  sha256: string;
  min: number;
  max: number;
  /** Lossy only: every `step`-th row and column, samples interleaved. */
  grid?: { step: number; values: number[] };
  /** Lossy only: mean of the whole frame, 4 decimals. */
  mean?: number;
  /** Lossy only: how far the second reference decoder is from GDCM on this frame. */
  second_reference_diff?: { max_abs_diff: number; mean_abs_diff: number };
}

export interface PixelGolden {
  transfer_syntax: string;
  lossy: boolean;
  /** pydicom could not decode the fixture as it is (see REFERENCE_FAILURES). */
  reference_error?: string;
  workarounds?: string[];
  handler?: string;
  codec_family?: string;
  second_reference?: string;
  photometric_interpretation?: string;
  /** What the reference returned (GDCM keeps JPEG YCbCr as YBR_FULL). */
  decoded_photometric_interpretation?: string;
  frames?: FrameGolden[];
  /** JPEG YBR_FULL frames converted to RGB, which is what we promise (docs/imaging.md). */
  rgb_frames?: { reference: string; second_reference: string; frames: FrameGolden[] };
}

export interface PixelGoldens {
  generator: Record<string, string>;
  /** Keyed by "cr/RG2_UNC.dcm" (under ../shared/fixtures/dicom). */
  fixtures: Record<string, PixelGolden>;
  /** Keyed by "htj2k/MR_small_signed16.dcm" (under packages/imaging/test-assets). */
  htj2k: Record<string, PixelGolden>;
}

export function loadPixelGoldens(): PixelGoldens {
  return JSON.parse(readFileSync(testAsset('goldens', 'pixels.json'), 'utf8')) as PixelGoldens;
}

const DTYPES: Record<string, string> = {
  Uint8Array: 'uint8', Int8Array: 'int8', Uint16Array: 'uint16', Int16Array: 'int16', Uint32Array: 'uint32', Int32Array: 'int32',
};

/** The numpy dtype name of a typed array ('uint16'). */
export function dtypeOf(data: PixelArray): string {
  return DTYPES[data.constructor.name] ?? data.constructor.name;
}

/** numpy's shape for the frame. */
export function shapeOf(frame: DecodedFrame): number[] {
  return frame.samplesPerPixel === 1 ? [frame.rows, frame.columns] : [frame.rows, frame.columns, frame.samplesPerPixel];
}

/** SHA-256 of the values as little-endian bytes (typed arrays are little endian on every platform Node runs on). */
export function sha256(data: PixelArray): string {
  return createHash('sha256').update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)).digest('hex');
}

export function minMax(data: PixelArray): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** "index 1234 (row 3, column 17, sample 0): got 12, expected 13", or undefined when equal. */
export function firstDifference(got: ArrayLike<number>, expected: ArrayLike<number>, columns: number, samples = 1): string | undefined {
  const n = Math.min(got.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (got[i] !== expected[i]) {
      const pixel = Math.floor(i / samples);
      return `index ${i} (row ${Math.floor(pixel / columns)}, column ${pixel % columns}, sample ${i % samples}): got ${got[i]}, expected ${expected[i]}`;
    }
  }
  return got.length === expected.length ? undefined : `lengths differ: got ${got.length}, expected ${expected.length}`;
}

/**
 * Explains a hash mismatch with the first differing value, asking the generator script for the
 * expected frame (`--expected-frame`); falls back to a plain message where Debian's python is absent.
 */
export function explainMismatch(name: string, index: number, ours: DecodedFrame): string {
  const script = resolve(testAsset('..'), '..', '..', 'scripts', 'goldens', 'generate_pixel_goldens.py');
  const run = spawnSync('/usr/bin/python3', [script, '--expected-frame', name, String(index)], { maxBuffer: 512 * 1024 * 1024 });
  if (run.status !== 0 || !run.stdout) return `${name} frame ${index}: SHA-256 differs (reference unavailable: ${run.stderr?.toString().trim() || run.error?.message})`;
  const Ctor = ours.data.constructor as new (b: ArrayBuffer) => PixelArray;
  const bytes = new Uint8Array(run.stdout);
  const expected = new Ctor(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return `${name} frame ${index}: first difference at ${firstDifference(ours.data, expected, ours.columns, ours.samplesPerPixel) ?? 'none (same values, different dtype?)'}`;
}
