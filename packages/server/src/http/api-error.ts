// Coded HTTP errors: every error a client sees is { error: { code, message, field? } } with one of these.

export type ApiErrorCode =
  | 'ERR_VALIDATION'
  | 'ERR_BAD_JSON'
  | 'ERR_TOO_LARGE'
  | 'ERR_UNSUPPORTED_MEDIA_TYPE'
  | 'ERR_UNAUTHENTICATED'
  | 'ERR_BAD_CREDENTIALS'
  | 'ERR_CSRF'
  | 'ERR_FORBIDDEN'
  | 'ERR_NOT_FOUND'
  | 'ERR_CONFLICT'
  | 'ERR_VERSION_CONFLICT'
  | 'ERR_RULES'
  | 'ERR_RATE_LIMITED'
  | 'ERR_BUSY'
  | 'ERR_IDENTIFIED'
  | 'ERR_BAD_DICOM'
  | 'ERR_INTERNAL';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    /** Extra JSON the client gets beside code and message (e.g. the rule violations, the current version). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, field?: string): ApiError => new ApiError(400, 'ERR_VALIDATION', message, field);
export const forbidden = (message = 'not allowed'): ApiError => new ApiError(403, 'ERR_FORBIDDEN', message);
/** Also what a caller gets for something that exists but that it may not know of (no existence leaks). */
export const notFound = (what: string): ApiError => new ApiError(404, 'ERR_NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>): ApiError => new ApiError(409, 'ERR_CONFLICT', message, undefined, details);
export const versionConflict = (what: string, current: number): ApiError =>
  new ApiError(409, 'ERR_VERSION_CONFLICT', `${what} has changed since you loaded it (now version ${current}); reload and retry`, 'version', { currentVersion: current });

/** The body of an error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string } & Record<string, unknown>;
}
