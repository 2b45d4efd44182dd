// A small persistent pool of render worker threads, so decoding and compressing images never blocks the event loop.
import { Worker } from 'node:worker_threads';
import { ImageError } from './image-error.js';
import { asBuffer, type RenderJob } from './render-job.js';
import type { RenderReply, RenderRequest, RenderWorkerData } from './render-protocol.js';

export interface RenderPoolOptions {
  /** Worker threads (at least 1), started when first needed and then kept. */
  size: number;
  /** Jobs waiting for a worker beyond which run() refuses with ERR_IMAGE_BUSY (default 256). */
  queueLimit?: number;
  /** A job running longer fails (ERR_IMAGE_PIXELS) and its worker is replaced (default 120 s). */
  timeoutMs?: number;
  /** The worker module (default render-worker.js beside this file; tests give others). */
  workerUrl?: URL;
}

export interface RenderPoolStats {
  /** Workers started, replacements included. */
  started: number;
  /** Workers that died (crash, uncaught throw, timeout), not counting close(). */
  failed: number;
  /** Jobs given to a worker. */
  jobs: number;
  /** Jobs refused because the queue was full. */
  refused: number;
  /** The most workers rendering at the same moment, as the workers themselves count it. */
  maxBusy: number;
}

export const DEFAULT_RENDER_QUEUE_LIMIT = 256;
export const DEFAULT_RENDER_TIMEOUT_MS = 120_000;

interface Pending {
  job: RenderJob;
  resolve(bytes: Buffer): void;
  reject(error: ImageError): void;
}

/** A place for one worker; a dead worker's replacement takes its slot (and its counter in `activity`). */
interface Slot {
  index: number;
  worker?: Worker;
  pending?: Pending;
  timer?: NodeJS.Timeout;
  timedOut?: boolean;
  lastError?: string;
}

/**
 * Runs render jobs in up to `size` worker threads, one job per worker at a time, the rest queued in order (up to
 * `queueLimit`). The bytes come back transferred, not copied. A job whose worker crashes, throws outside the
 * job or runs past the timeout fails with an ImageError, and the worker is replaced for the next job. Idle
 * workers are unref'd (they never keep the process alive); close() ends them all.
 */
export class RenderPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private readonly queueLimit: number;
  private readonly timeoutMs: number;
  private readonly workerUrl: URL;
  /** [0]: the most workers rendering at once; [i]: 1 while slot i's worker renders (set by the workers). */
  private readonly activity: Int32Array;
  private readonly counts = { started: 0, failed: 0, jobs: 0, refused: 0 };
  private closed = false;

  constructor(options: RenderPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`a render pool needs a whole number of workers >= 1, not ${options.size}`);
    this.slots = Array.from({ length: options.size }, (_, i) => ({ index: i + 1 }));
    this.queueLimit = options.queueLimit ?? DEFAULT_RENDER_QUEUE_LIMIT;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
    this.workerUrl = options.workerUrl ?? new URL('./render-worker.js', import.meta.url);
    this.activity = new Int32Array(new SharedArrayBuffer(4 * (options.size + 1)));
  }

  get size(): number {
    return this.slots.length;
  }

  get stats(): RenderPoolStats {
    return { ...this.counts, maxBusy: Atomics.load(this.activity, 0) };
  }

  /** Renders `job` in a worker: renderJob's bytes, moved here without a copy. Rejects with ImageError only. */
  run(job: RenderJob): Promise<Buffer> {
    if (this.closed) return Promise.reject(new ImageError('ERR_IMAGE_BUSY', job.path, 'the image renderer is closed'));
    const free = this.slots.some((s) => s.pending === undefined);
    if (!free && this.queue.length >= this.queueLimit) {
      this.counts.refused++;
      return Promise.reject(new ImageError('ERR_IMAGE_BUSY', job.path, `${this.queue.length} images are waiting to be rendered; try again shortly`));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.pump();
    });
  }

  /** Refuses new jobs, fails the waiting and running ones (ERR_IMAGE_BUSY) and ends every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new ImageError('ERR_IMAGE_BUSY', pending.job.path, 'the image renderer is closed'));
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => s.worker !== undefined && s.pending === undefined) ?? this.slots.find((s) => s.worker === undefined);
      if (slot === undefined) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private dispatch(slot: Slot, pending: Pending): void {
    const worker = slot.worker ?? this.start(slot);
    slot.pending = pending;
    slot.timedOut = false;
    slot.timer = setTimeout(() => {
      slot.timedOut = true;
      void worker.terminate();
    }, this.timeoutMs);
    slot.timer.unref();
    this.counts.jobs++;
    worker.ref();
    worker.postMessage({ job: pending.job } satisfies RenderRequest);
  }

  private start(slot: Slot): Worker {
    const workerData: RenderWorkerData = { activity: this.activity, slot: slot.index };
    const worker = new Worker(this.workerUrl, { workerData, name: `cxrlab-render-${slot.index}` });
    this.counts.started++;
    slot.worker = worker;
    slot.lastError = undefined;
    worker.on('message', (reply: RenderReply) => {
      if (slot.worker === worker) this.finish(slot, worker, reply);
    });
    worker.on('messageerror', (error) => {
      slot.lastError = `a reply could not be read: ${error.message}`;
      void worker.terminate();
    });
    worker.on('error', (error) => (slot.lastError = error.message));
    worker.on('exit', (code) => {
      if (slot.worker === worker) this.exited(slot, code);
    });
    return worker;
  }

  private finish(slot: Slot, worker: Worker, reply: RenderReply): void {
    const pending = this.release(slot);
    worker.unref();
    if (reply.ok) pending?.resolve(asBuffer(reply.bytes));
    else pending?.reject(new ImageError(reply.error.code, reply.error.file, reply.error.reason));
    this.pump();
  }

  private exited(slot: Slot, code: number): void {
    const { timedOut, lastError } = slot;
    const pending = this.release(slot);
    slot.worker = undefined;
    Atomics.store(this.activity, slot.index, 0);
    if (!this.closed) this.counts.failed++;
    if (pending !== undefined) {
      if (this.closed) pending.reject(new ImageError('ERR_IMAGE_BUSY', pending.job.path, 'the image renderer is closed'));
      else if (timedOut) pending.reject(new ImageError('ERR_IMAGE_PIXELS', pending.job.path, `rendering took longer than ${this.timeoutMs} ms`));
      else pending.reject(new ImageError('ERR_IMAGE_PIXELS', pending.job.path, `the render worker stopped: ${lastError ?? `exit code ${code}`}`));
    }
    this.pump();
  }

  private release(slot: Slot): Pending | undefined {
    const pending = slot.pending;
    clearTimeout(slot.timer);
    slot.pending = undefined;
    slot.timer = undefined;
    return pending;
  }
}
