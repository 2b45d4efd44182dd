// The messages between the page and the pixel worker.
import type { PixelImage } from './types.js';

export type WorkerRequest =
  /** Fetch /api/images/:id/pixels in the worker and decode it as it streams in. */
  | { type: 'load'; seq: number; id: number; url: string; priority: 'high' | 'low' | 'auto' }
  /** Decode bytes fetched elsewhere (transferred). */
  | { type: 'decode'; seq: number; id: number; buffer: ArrayBuffer }
  | { type: 'abort'; seq: number };

export type WorkerError =
  | { kind: 'http'; status: number; code: string; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'abort' }
  | { kind: 'blob'; message: string; field: string; byteOffset: number }
  | { kind: 'other'; name: string; message: string };

/** Epoch ms (performance.timeOrigin + now): the worker's clock differs from the page's. */
export interface WorkerTiming {
  start: number;
  /** The response headers arrived. */
  response?: number;
  /** The last byte arrived. */
  lastByte?: number;
  done: number;
}

export type WorkerResponse = { seq: number; ok: true; image: PixelImage; timing: WorkerTiming } | { seq: number; ok: false; error: WorkerError };
