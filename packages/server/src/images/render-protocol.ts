// The messages between the render pool and its worker threads.
import type { ImageErrorCode } from './image-error.js';
import type { RenderJob } from './render-job.js';

export interface RenderWorkerData {
  /** Shared counters (Int32Array on a SharedArrayBuffer): [0] the most workers rendering at once; [1..size] 1 while that slot's worker renders. */
  activity: Int32Array;
  /** This worker's index in `activity` (1-based). */
  slot: number;
}

/** To a worker: one job (a worker runs one at a time). */
export interface RenderRequest {
  job: RenderJob;
}

/** From a worker: the bytes (their buffer transferred) or the ImageError's fields. */
export type RenderReply = { ok: true; bytes: Uint8Array } | { ok: false; error: { code: ImageErrorCode; file: string; reason: string } };
