// An API error as the server sends it: { error: { code, message, field?, violations?, currentVersion? } }.
import type { ApiErrorCode } from '@cxrlab/server/api-types';

export interface RuleViolation {
  ruleId: string;
  code: string;
  message: string;
  path?: string;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'ERR_NETWORK',
    message: string,
    readonly details: { field?: string; violations?: RuleViolation[]; currentVersion?: number; retryAfter?: number } = {},
  ) {
    super(message);
  }
}

export const isApiError = (e: unknown, code?: ApiError['code']): e is ApiError => e instanceof ApiError && (code === undefined || e.code === code);
