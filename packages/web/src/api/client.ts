// The one way the app talks to the server: JSON over fetch with the session cookie, the CSRF token on
// every change, and errors turned into ApiError. The token comes from login or GET /api/auth/me.
import { ApiError } from './api-error.js';

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The session's CSRF token, for requests made without `request` (e.g. DICOM uploads with a binary body). */
export const currentCsrfToken = (): string | undefined => csrfToken;

/** Called when any request answers 401 (the session expired): the app shows the login page. */
export function onSessionLost(handler: () => void): void {
  onUnauthenticated = handler;
}

/** For requests made outside `request` (the pixel worker's fetch): a 401 there means the session is gone too. */
export function reportSessionLost(): void {
  onUnauthenticated?.();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, init: { signal?: AbortSignal; keepalive?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin', ...init });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'ERR_NETWORK', `the server could not be reached (${(error as Error).message})`);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'ERR_INTERNAL', `the server answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const e = (json as { error?: { code?: string; message?: string; field?: string; violations?: ApiError['details']['violations']; currentVersion?: number } } | undefined)?.error;
    if (response.status === 401 && path !== '/api/auth/login') reportSessionLost();
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, (e?.code ?? 'ERR_INTERNAL') as ApiError['code'], e?.message ?? `HTTP ${response.status}`, {
      ...(e?.field !== undefined ? { field: e.field } : {}),
      ...(e?.violations !== undefined ? { violations: e.violations } : {}),
      ...(e?.currentVersion !== undefined ? { currentVersion: e.currentVersion } : {}),
      ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
    });
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, init?: { signal?: AbortSignal }) => request<T>('GET', path, undefined, init),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown, init?: { keepalive?: boolean }) => request<T>('PUT', path, body, init),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Encodes one path segment (project keys, ids). */
export const seg = (value: string | number): string => encodeURIComponent(String(value));
