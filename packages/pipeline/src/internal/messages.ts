import type { TaskError } from '../task-error.js';

/** workerData of every pool worker. */
export interface HostData {
  taskUrl: string;
  setupData: unknown;
}

/** Pool -> worker: run one input. */
export interface TaskRequest {
  id: number;
  input: unknown;
}

/** Worker -> pool: the outcome of one request. */
export type TaskResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: TaskError };
