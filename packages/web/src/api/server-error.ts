// The error a failed response's body tells: the server's { error: { code, message, field?, violations?,
// currentVersion? } }. Pure (no DOM, no window): the pixel worker uses it too.
import type { ApiError } from './api-error.js';

export interface ServerError {
  code: ApiError['code'];
  message: string;
  details: ApiError['details'];
}

interface ErrorBody {
  error?: { code?: string; message?: string; field?: string; violations?: ApiError['details']['violations']; currentVersion?: number };
}

/** `body` is the parsed JSON of a failed response (undefined when empty or not JSON); without an error in it: ERR_INTERNAL and `fallback`. */
export function serverError(body: unknown, fallback: string): ServerError {
  const e = typeof body === 'object' && body !== null ? (body as ErrorBody).error : undefined;
  return {
    code: (e?.code || 'ERR_INTERNAL') as ApiError['code'],
    message: e?.message || fallback,
    details: {
      ...(e?.field !== undefined ? { field: e.field } : {}),
      ...(e?.violations !== undefined ? { violations: e.violations } : {}),
      ...(e?.currentVersion !== undefined ? { currentVersion: e.currentVersion } : {}),
    },
  };
}
