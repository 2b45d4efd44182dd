// The load generator's HTTP client: node:http with one keep-alive agent (a socket per concurrent
// reader, reused), bodies read to the last byte and left as they came (the pixel blob stays
// deflate-compressed: decompressing is the browser's work, not the server's, and would take CPU from
// the server on this machine; fetch() would inflate it). A signed-in caller sends its session cookie,
// and its CSRF token on every mutating request, as the web client does.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });

/**
 * One request: { status, body (Buffer; undefined with `discard`: only counted), bytes, headers, ms (first
 * byte out to last byte in) }, or { status: 0, error } when the connection failed.
 */
export function request(base, method, path, { headers = {}, json, discard = false } = {}) {
  const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
  const url = new URL(path, base);
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const req = http.request({
      agent, method, host: url.hostname, port: url.port, path: url.pathname + url.search,
      headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), 'accept-encoding': 'deflate, gzip' },
    }, (res) => {
      const chunks = [];
      let bytes = 0;
      res.on('data', (c) => {
        bytes += c.length;
        if (!discard || res.statusCode !== 200) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: chunks.length > 0 || !discard ? Buffer.concat(chunks) : undefined, bytes, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
      res.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('error', (error) => resolve({ status: 0, error: error.code ?? error.message, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    req.end(payload);
  });
}

export const jsonOf = (response) => JSON.parse(response.body.toString('utf8'));

/** A signed-in caller: { get, put, post } returning request()'s result. */
export class Session {
  constructor(base, cookie, csrfToken, userId) {
    Object.assign(this, { base, cookie, csrfToken, userId });
  }
  get(path, options = {}) {
    return request(this.base, 'GET', path, { headers: { cookie: this.cookie }, ...options });
  }
  put(path, json) {
    return request(this.base, 'PUT', path, { headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken }, json });
  }
  post(path, json) {
    return request(this.base, 'POST', path, { headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken }, json });
  }
}

/** Signs in through POST /api/auth/login; throws on anything but 200. */
export async function login(base, username, password) {
  const response = await request(base, 'POST', '/api/auth/login', { json: { username, password } });
  if (response.status !== 200) throw new Error(`login as ${username}: ${response.status} ${response.error ?? response.body.toString().slice(0, 200)}`);
  const setCookie = [response.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cxrlab_session='));
  if (setCookie === undefined) throw new Error(`login as ${username}: no session cookie`);
  const body = jsonOf(response);
  return new Session(base, setCookie.split(';')[0], body.csrfToken, body.user.id);
}

export const closeAgent = () => agent.destroy();
