/**
 * Why a task failed, as plain data that crosses a worker boundary. Errors that carry DICOM
 * locations (DicomError: code, file, byte offset, tag, data set path) keep them.
 */
export interface TaskError {
  /** An error code: the thrown error's `code` (e.g. ERR_TRUNCATED), or one of the pool's own codes. */
  code: string;
  /** The full message, e.g. "x.dcm: value length 8192 runs past the end of the data (at byte 330)". */
  message: string;
  /** The reason without the location (DicomError.reason), else the message. */
  reason: string;
  file?: string;
  offset?: number;
  tag?: number;
  path?: string;
}

/** Codes the pool gives failures that do not come from the task's own error. */
export const PoolErrorCodes = {
  /** The task threw something without a string `code`. */
  taskFailed: 'ERR_TASK_FAILED',
  /** The worker running the task ended (process.exit, uncaught exception in a callback). */
  workerExited: 'ERR_WORKER_EXITED',
  /** The worker ran out of memory (its resource limits). */
  outOfMemory: 'ERR_WORKER_OUT_OF_MEMORY',
  /** The task ran past the pool's timeout; its worker was terminated. */
  timeout: 'ERR_TASK_TIMEOUT',
} as const;

function pick<T>(value: unknown, type: 'string' | 'number'): T | undefined {
  return typeof value === type ? (value as T) : undefined;
}

/** Turns anything thrown into a TaskError, keeping DicomError-style fields when present. */
export function toTaskError(error: unknown, fallbackCode: string = PoolErrorCodes.taskFailed): TaskError {
  if (typeof error !== 'object' || error === null) {
    const message = String(error);
    return { code: fallbackCode, message, reason: message };
  }
  const e = error as Record<string, unknown>;
  const message = pick<string>(e['message'], 'string') ?? String(error);
  const result: TaskError = {
    code: pick<string>(e['code'], 'string') ?? fallbackCode,
    message,
    reason: pick<string>(e['reason'], 'string') ?? message,
  };
  const file = pick<string>(e['file'], 'string');
  const offset = pick<number>(e['offset'], 'number');
  const tag = pick<number>(e['tag'], 'number');
  const path = pick<string>(e['path'], 'string');
  if (file !== undefined) result.file = file;
  if (offset !== undefined) result.offset = offset;
  if (tag !== undefined) result.tag = tag;
  if (path !== undefined) result.path = path;
  return result;
}
