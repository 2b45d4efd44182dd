// A signed-in caller for app.inject tests: keeps the session cookie and sends the CSRF token, or
// sends a Bearer token.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

export interface Credentials {
  cookie?: string;
  csrfToken?: string;
  token?: string;
}

export class ApiClient {
  constructor(readonly app: FastifyInstance, readonly credentials: Credentials = {}, readonly userId?: number, readonly username?: string) {}

  get<T = any>(url: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('GET', url, undefined, headers);
  }
  post<T = any>(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('POST', url, body, headers);
  }
  put<T = any>(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PUT', url, body, headers);
  }
  patch<T = any>(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('PATCH', url, body, headers);
  }
  delete<T = any>(url: string, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    return this.request('DELETE', url, undefined, headers);
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const all: Record<string, string> = { ...headers };
    if (this.credentials.cookie !== undefined) all['cookie'] = this.credentials.cookie;
    if (this.credentials.csrfToken !== undefined && method !== 'GET') all['x-csrf-token'] = this.credentials.csrfToken;
    if (this.credentials.token !== undefined) all['authorization'] = `Bearer ${this.credentials.token}`;
    const isRaw = body instanceof Uint8Array || typeof body === 'string';
    if (body !== undefined && !isRaw) all['content-type'] ??= 'application/json';
    const raw = await this.app.inject({
      method: method as 'GET',
      url,
      headers: all,
      ...(body === undefined ? {} : { payload: isRaw ? Buffer.from(body as Uint8Array) : JSON.stringify(body) }),
    });
    const type = String(raw.headers['content-type'] ?? '');
    const parsed = type.includes('json') && raw.body.length > 0 ? JSON.parse(raw.body) : raw.rawPayload;
    return { status: raw.statusCode, body: parsed as T, headers: raw.headers, raw };
  }
}

/** Signs in through the API and returns a client holding the session. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<ApiClient> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'cxrlab_session');
  const body = response.json() as { csrfToken: string; user: { id: number } };
  return new ApiClient(app, { cookie: `cxrlab_session=${cookie!.value}`, csrfToken: body.csrfToken }, body.user.id, username);
}
