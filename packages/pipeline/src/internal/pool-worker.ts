import { Worker, type ResourceLimits } from 'node:worker_threads';
import { PoolErrorCodes, toTaskError, type TaskError } from '../task-error.js';
import type { HostData, TaskRequest, TaskResponse } from './messages.js';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: TaskError };

export interface PoolWorkerOptions {
  setupData?: unknown;
  resourceLimits?: ResourceLimits;
}

interface Pending {
  id: number;
  settle(outcome: Outcome): void;
  timer?: NodeJS.Timeout;
}

const HOST = new URL('./worker-host.js', import.meta.url);

function failure(code: string, message: string): Outcome {
  return { ok: false, error: { code, message, reason: message } };
}

/** Why a worker ended while it was running a task. */
function exitFailure(exitCode: number, crash: unknown): Outcome {
  if (crash === undefined) return failure(PoolErrorCodes.workerExited, `worker exited with code ${exitCode}`);
  const error = toTaskError(crash, PoolErrorCodes.workerExited);
  const message = `worker crashed: ${error.message}`;
  return { ok: false, error: { ...error, message, reason: `worker crashed: ${error.reason}` } };
}

/**
 * One worker thread running one task at a time. `run` never rejects: a throw in the task, a crash of
 * the worker (process.exit, uncaught exception, out of memory) or a timeout all resolve to a failed
 * outcome. After a crash or a timeout the worker is dead (`alive` false) and the pool replaces it.
 * Idle workers are unref'd, so a forgotten pool never keeps the process alive.
 */
export class PoolWorker {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private pending: Pending | undefined;
  private crash: unknown;
  private dead = false;
  private nextId = 0;

  constructor(taskUrl: string, options: PoolWorkerOptions = {}) {
    const workerData: HostData = { taskUrl, setupData: options.setupData };
    this.worker = new Worker(HOST, { workerData, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
    this.worker.unref();
    this.worker.on('message', (response: TaskResponse) => {
      if (response.id !== this.pending?.id) return;
      this.settle(response.ok ? { ok: true, value: response.value } : { ok: false, error: response.error });
    });
    this.worker.on('messageerror', (error) => this.settle({ ok: false, error: toTaskError(error) }));
    this.worker.on('error', (error) => {
      this.crash ??= error;
    });
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', (code) => {
        this.dead = true;
        this.settle(exitFailure(code, this.crash));
        resolve();
      });
    });
  }

  get alive(): boolean {
    return !this.dead;
  }

  /** Runs one input; never rejects. */
  run(input: unknown, timeoutMs?: number): Promise<Outcome> {
    if (this.dead || this.pending) return Promise.resolve(failure(PoolErrorCodes.workerExited, 'worker is not available'));
    return new Promise((settle) => {
      const pending: Pending = { id: ++this.nextId, settle };
      this.pending = pending;
      if (timeoutMs !== undefined && timeoutMs > 0) {
        pending.timer = setTimeout(() => {
          this.dead = true;
          this.settle(failure(PoolErrorCodes.timeout, `task timed out after ${timeoutMs} ms`));
          void this.worker.terminate();
        }, timeoutMs);
      }
      this.worker.ref();
      try {
        this.worker.postMessage({ id: pending.id, input } satisfies TaskRequest);
      } catch (error) {
        this.settle({ ok: false, error: toTaskError(error) });
      }
    });
  }

  /** Stops the worker (a task in progress fails); resolves once the thread has exited. */
  terminate(): Promise<void> {
    this.dead = true;
    void this.worker.terminate();
    return this.exited;
  }

  private settle(outcome: Outcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    this.worker.unref();
    pending.settle(outcome);
  }
}
