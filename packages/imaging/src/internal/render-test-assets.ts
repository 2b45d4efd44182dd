// Test-only: the display pipeline goldens (test-assets/render-goldens, made by
// scripts/goldens/generate_render_goldens.py from scripts/goldens/reference_render.py).
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { sharedFixture, testAsset } from './test-assets.js';

/** A path under packages/imaging/test-assets/render-goldens. */
export function renderGoldenPath(...parts: string[]): string {
  return testAsset('render-goldens', ...parts);
}

/** A path under ../shared/fixtures/dicom. */
export function sharedDicomFixture(...parts: string[]): string {
  return sharedFixture(...parts);
}

/** Every `step`-th row and column of an image, zlib-compressed and base64-encoded. */
export interface GoldenGrid {
  step: number;
  rows: number;
  columns: number;
  encoding: string;
  data: string;
}

export interface RenderGoldenCase {
  mode: 'dicom' | 'auto' | 'vindr' | 'kaggle';
  voiIndex: number;
  width: number;
  height: number;
  channels: 1 | 3;
  sha256: string;
  /** 256 bins over every sample. */
  histogram: number[];
  grid: GoldenGrid;
}

export interface Png16Golden {
  width: number;
  height: number;
  /** What was added to the rounded modality values (0 when the Modality LUT cannot go negative). */
  shift: number;
  min: number;
  max: number;
  /** SHA-256 of the little-endian uint16 data. */
  sha256: string;
  grid: GoldenGrid;
}

export interface RenderGoldenFile {
  name: string;
  input: { shared: string } | { asset: string };
  frame: number;
  note: string;
  photometricInterpretation: string;
  cases: RenderGoldenCase[];
  png16?: Png16Golden;
}

export function loadRenderGoldens(): RenderGoldenFile[] {
  const index = JSON.parse(readFileSync(renderGoldenPath('index.json'), 'utf8')) as { files: string[] };
  return index.files.map((file) => JSON.parse(readFileSync(renderGoldenPath(file), 'utf8')) as RenderGoldenFile);
}

export function goldenInputPath(golden: RenderGoldenFile): string {
  return 'shared' in golden.input ? sharedDicomFixture(golden.input.shared) : renderGoldenPath(golden.input.asset);
}

/** The samples of a grid: Uint8Array, or for 16-bit grids Uint16Array. */
export function decodeGrid(grid: GoldenGrid, bytesPerSample: 1 | 2): Uint8Array | Uint16Array {
  const bytes = inflateSync(Buffer.from(grid.data, 'base64'));
  if (bytesPerSample === 1) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint16Array(bytes.byteLength / 2);
  for (let i = 0; i < out.length; i++) out[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
  return out;
}

/** The samples an image holds at the grid's positions, in the grid's order. */
export function sampleGrid(data: ArrayLike<number>, width: number, channels: number, grid: GoldenGrid): number[] {
  const out: number[] = [];
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.columns; c++) {
      const base = (r * grid.step * width + c * grid.step) * channels;
      for (let s = 0; s < channels; s++) out.push(data[base + s]!);
    }
  }
  return out;
}

export function histogram256(data: ArrayLike<number>): number[] {
  const bins = new Array<number>(256).fill(0);
  for (let i = 0; i < data.length; i++) bins[data[i]!]!++;
  return bins;
}

/**
 * Earth mover's distance between two 256-bin histograms of the same total, in grey levels: the
 * mean distance each sample must move to turn one histogram into the other, sum |CDF_a - CDF_b| / N.
 * Outputs within +-1 everywhere are at most 1 apart; a systematic off-by-one is about 0.5.
 */
export function histogramDistance(a: readonly number[], b: readonly number[]): number {
  let ca = 0;
  let cb = 0;
  let total = 0;
  let moved = 0;
  for (let i = 0; i < 256; i++) {
    ca += a[i]!;
    cb += b[i]!;
    moved += Math.abs(ca - cb);
  }
  total = ca;
  return total === 0 ? 0 : moved / total;
}
