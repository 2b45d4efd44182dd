/**
 * What a task module (the file a worker pool runs) exports. The pool imports it once per worker,
 * calls `setup` once before that worker's first task, then `run` for each input given to it.
 * Inputs and results cross the thread boundary by structured clone: plain data, typed arrays, no
 * functions or class instances. A throw (or rejection) from `run` fails that input only; a throw
 * from `setup` fails every input given to that worker.
 */
export interface TaskModule<I = unknown, O = unknown> {
  setup?(data: unknown): void | Promise<void>;
  run(input: I): O | Promise<O>;
}
