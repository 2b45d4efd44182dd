// The one way the app talks to the server: JSON over fetch with the session cookie, the CSRF token on
// every change, and errors turned into ApiError. The token comes from login or GET /api/auth/me.
import { ApiError } from './api-error.js';
import { serverError } from './server-error.js';

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called when any request answers 401 (the session expired): the app shows the login page. */
export function onSessionLost(handler: () => void): void {
  onUnauthenticated = handler;
}

/** For requests made outside `request` (the pixel worker's fetch): a 401 there means the session is gone too. */
export function reportSessionLost(): void {
  onUnauthenticated?.();
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface SendInit {
  signal?: AbortSignal;
  keepalive?: boolean;
}

async function send<T>(method: Method, path: string, body: { data: BodyInit; type: string } | undefined, init: SendInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = body.type;
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body?.data, credentials: 'same-origin', ...init });
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
    if (response.status === 401 && path !== '/api/auth/login') reportSessionLost();
    const e = serverError(json, `HTTP ${response.status}`);
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, e.code, e.message, { ...e.details, ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}) });
  }
  return json as T;
}

export function request<T>(method: Method, path: string, body?: unknown, init?: SendInit): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { data: JSON.stringify(body), type: 'application/json' }, init);
}

/** POSTs raw bytes (e.g. a DICOM file) with their content type; the answer and errors as for `request`. */
export function postBytes<T>(path: string, data: Blob, type: string): Promise<T> {
  return send<T>('POST', path, { data, type });
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
