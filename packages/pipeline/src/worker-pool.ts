import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { PoolWorker, type Outcome } from './internal/pool-worker.js';
import type { TaskError } from './task-error.js';

export interface PoolOptions {
  /** Most tasks running at once, one worker thread each (default: os.availableParallelism()). */
  concurrency?: number;
  /** A task running longer fails with ERR_TASK_TIMEOUT and its worker is replaced (default: none). */
  timeoutMs?: number;
  /** Passed to the task module's setup(data) in each worker (structured-cloned). */
  setupData?: unknown;
  /** Each worker's V8 limits; a worker over them fails its task with ERR_WORKER_OUT_OF_MEMORY. */
  resourceLimits?: ResourceLimits;
}

/** One input's outcome. `index` is the input's position in the input sequence. */
export type TaskResult<I, O> =
  | { ok: true; index: number; input: I; value: O; elapsedMs: number }
  | { ok: false; index: number; input: I; error: TaskError; elapsedMs: number };

/** A task module: a file path, or a URL (file: URL or its href). */
export type TaskModuleRef = string | URL;

function moduleHref(task: TaskModuleRef): string {
  if (task instanceof URL) return task.href;
  return /^[a-z][a-z0-9+.-]*:/i.test(task) && !/^[a-z]:[\\/]/i.test(task) ? task : pathToFileURL(task).href;
}

function checkConcurrency(value: number | undefined): number {
  const concurrency = value ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be a whole number >= 1, not ${value}`);
  return concurrency;
}

/**
 * Runs each input through the task module in a pool of worker threads and yields the results in
 * completion order. At most `concurrency` inputs are taken from `inputs` at a time (bounded
 * fan-out), and workers are started only as needed and reused. A failing input is a failed result,
 * never a rejection: a throw, a crashed worker (replaced for the next input) and a timeout alike.
 * Leaving the loop early (break, throw) or finishing terminates every worker.
 */
export function runTasks<I, O>(task: TaskModuleRef, inputs: Iterable<I>, options: PoolOptions = {}): AsyncGenerator<TaskResult<I, O>, void, undefined> {
  return generate<I, O>(moduleHref(task), checkConcurrency(options.concurrency), inputs, options);
}

async function* generate<I, O>(href: string, concurrency: number, inputs: Iterable<I>, options: PoolOptions): AsyncGenerator<TaskResult<I, O>, void, undefined> {
  const workerOptions = { setupData: options.setupData, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) };
  const iterator = inputs[Symbol.iterator]();
  const all = new Set<PoolWorker>();
  const idle: PoolWorker[] = [];
  const done: TaskResult<I, O>[] = [];
  let wake: (() => void) | undefined;
  let inFlight = 0;
  let exhausted = false;
  let nextIndex = 0;
  let inputError: { error: unknown } | undefined;

  const finish = (worker: PoolWorker, index: number, input: I, started: number, outcome: Outcome): void => {
    inFlight--;
    if (worker.alive) idle.push(worker);
    else all.delete(worker);
    const elapsedMs = performance.now() - started;
    done.push(outcome.ok ? { ok: true, index, input, value: outcome.value as O, elapsedMs } : { ok: false, index, input, error: outcome.error, elapsedMs });
    pump();
    wake?.();
  };

  function pump(): void {
    while (!exhausted && inFlight < concurrency) {
      let next: IteratorResult<I>;
      try {
        next = iterator.next();
      } catch (error) {
        inputError = { error };
        exhausted = true;
        break;
      }
      if (next.done) {
        exhausted = true;
        break;
      }
      let worker = idle.pop();
      while (worker && !worker.alive) {
        // Died while idle (e.g. a timer in the task module threw after its task had finished).
        all.delete(worker);
        worker = idle.pop();
      }
      if (!worker) {
        worker = new PoolWorker(href, workerOptions);
        all.add(worker);
      }
      const index = nextIndex++;
      const input = next.value;
      const started = performance.now();
      const running = worker;
      inFlight++;
      void running.run(input, options.timeoutMs).then((outcome) => finish(running, index, input, started, outcome));
    }
  }

  try {
    pump();
    while (inFlight > 0 || done.length > 0) {
      if (done.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      while (done.length > 0) yield done.shift()!;
    }
    if (inputError) throw inputError.error;
  } finally {
    exhausted = true;
    await Promise.all([...all].map((worker) => worker.terminate()));
  }
}

/**
 * runTasks, settled: every input's result, ordered by input index, after calling `onResult` for
 * each in completion order (for progress and logging).
 */
export async function runAllTasks<I, O>(
  task: TaskModuleRef,
  inputs: Iterable<I>,
  options: PoolOptions & { onResult?: (result: TaskResult<I, O>) => void } = {},
): Promise<TaskResult<I, O>[]> {
  const results: TaskResult<I, O>[] = [];
  for await (const result of runTasks<I, O>(task, inputs, options)) {
    options.onResult?.(result);
    results.push(result);
  }
  return results.sort((a, b) => a.index - b.index);
}
