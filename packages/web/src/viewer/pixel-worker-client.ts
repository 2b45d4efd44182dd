// The page's side of the pixel worker: one module worker, started on first use (or by warmPixelWorker when a
// viewer mounts); requests are matched to answers by a sequence number, buffers come back as transfers. Where no
// worker can start, or it dies, the caller falls back to this thread (DecodeWorkerError).
import { ApiError } from '../api/api-error.js';
import { reportSessionLost } from '../api/client.js';
import { PixelBlobError } from './pixel-blob.js';
import type { WorkerError, WorkerRequest, WorkerResponse, WorkerTiming } from './pixel-decode-protocol.js';
import type { PixelImage } from './types.js';

/** The worker could not start or died with the request: do the work on this thread. */
export class DecodeWorkerError extends Error {
  override readonly name = 'DecodeWorkerError';
  constructor() {
    super('the pixel worker stopped');
  }
}

interface Pending {
  id: number;
  resolve(answer: { image: PixelImage; timing: WorkerTiming }): void;
  reject(error: Error): void;
}

let worker: Worker | null | undefined; // undefined: not tried yet; null: unavailable
let seq = 0;
const pending = new Map<number, Pending>();

/** The last worker answer's timing, in the page's performance.now() ms (for the harness and benchmarks). */
export const lastWorkerTiming: { start: number; response?: number; lastByte?: number; done: number } = { start: 0, done: 0 };

function toError(e: WorkerError, id: number): Error {
  switch (e.kind) {
    case 'http':
      if (e.status === 401) reportSessionLost();
      return new ApiError(e.status, e.code as ApiError['code'], e.message);
    case 'network':
      return new ApiError(0, 'ERR_NETWORK', `the pixels of image ${id} could not be fetched (${e.message})`);
    case 'abort':
      return new DOMException('the pixel load was aborted', 'AbortError');
    case 'blob':
      return new PixelBlobError(e.message, e.field, e.byteOffset);
    case 'other':
      return Object.assign(new Error(e.message), { name: e.name });
  }
}

/** Starts the worker now (a viewer mounting: the first image should not wait for a thread to start). */
export function warmPixelWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./pixel-decode.worker.ts', import.meta.url), { type: 'module', name: 'cxr-pixels' });
  } catch {
    return (worker = null);
  }
  worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
    const answer = event.data;
    const p = pending.get(answer.seq);
    if (!p) return;
    pending.delete(answer.seq);
    if (answer.ok) p.resolve({ image: answer.image, timing: answer.timing });
    else p.reject(toError(answer.error, p.id));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.reject(new DecodeWorkerError());
  });
  return worker;
}

function call(request: Extract<WorkerRequest, { id: number }>, transfer: Transferable[], signal?: AbortSignal): Promise<PixelImage> {
  const w = warmPixelWorker();
  if (!w) return Promise.reject(new DecodeWorkerError());
  return new Promise<PixelImage>((resolve, reject) => {
    const onAbort = () => w.postMessage({ type: 'abort', seq: request.seq } satisfies WorkerRequest);
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(request.seq, {
      id: request.id,
      resolve: ({ image, timing }) => {
        signal?.removeEventListener('abort', onAbort);
        const t = (epoch: number | undefined) => (epoch === undefined ? undefined : epoch - performance.timeOrigin);
        Object.assign(lastWorkerTiming, { start: t(timing.start), response: t(timing.response), lastByte: t(timing.lastByte), done: t(timing.done) });
        resolve(image);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    });
    w.postMessage(request, transfer);
  });
}

/** Fetches and decodes an image's pixels in the worker. Rejects with ApiError, PixelBlobError, AbortError or DecodeWorkerError. */
export function loadInWorker(id: number, url: string, priority: 'high' | 'low' | 'auto', signal?: AbortSignal): Promise<PixelImage> {
  return call({ type: 'load', seq: ++seq, id, url: new URL(url, location.href).href, priority }, [], signal);
}

/** Decodes a fetched body in the worker (the buffer is transferred: unusable afterwards). */
export function decodeInWorker(id: number, buffer: ArrayBuffer): Promise<PixelImage> {
  return call({ type: 'decode', seq: ++seq, id, buffer }, [buffer]);
}
