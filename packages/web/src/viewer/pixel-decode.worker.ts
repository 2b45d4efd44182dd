// The pixel worker (a module worker, bundled by Vite): fetches /api/images/:id/pixels itself (same origin, the
// session cookie, the HTTP cache and its ETag as for any fetch) and decodes the blob while it streams in, then
// hands the PixelImage to the page with its buffers transferred. The page's thread never touches the bytes.
import { serverError } from '../api/server-error.js';
import { decodePixelBytes, decodePixelStream, transferables } from './pixel-decode.js';
import type { WorkerError, WorkerRequest, WorkerResponse, WorkerTiming } from './pixel-decode-protocol.js';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
}
const scope = globalThis as unknown as WorkerScope;
const controllers = new Map<number, AbortController>();
const now = () => performance.timeOrigin + performance.now();

function errorOf(error: unknown): WorkerError {
  const e = error as { name?: string; message?: string; field?: string; byteOffset?: number };
  if (e.name === 'AbortError') return { kind: 'abort' };
  if (e.name === 'PixelBlobError') return { kind: 'blob', message: e.message ?? '', field: e.field ?? 'blob', byteOffset: e.byteOffset ?? 0 };
  return { kind: 'other', name: e.name ?? 'Error', message: e.message ?? String(error) };
}

async function load(seq: number, id: number, url: string, priority: 'high' | 'low' | 'auto', timing: WorkerTiming): Promise<WorkerResponse> {
  const controller = new AbortController();
  controllers.set(seq, controller);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: controller.signal, headers: { accept: 'application/vnd.cxrlab.pixels' }, priority } as RequestInit);
  } catch (error) {
    if ((error as Error).name === 'AbortError') return { seq, ok: false, error: { kind: 'abort' } };
    return { seq, ok: false, error: { kind: 'network', message: (error as Error).message } };
  }
  timing.response = now();
  if (!response.ok || !response.body) {
    const { code, message } = serverError(await response.json().catch(() => undefined), `HTTP ${response.status} for the pixels of image ${id}`);
    return { seq, ok: false, error: { kind: 'http', status: response.status, code, message } };
  }
  const image = await decodePixelStream(id, response.body, () => (timing.lastByte = now()));
  timing.done = now();
  return { seq, ok: true, image, timing };
}

scope.addEventListener('message', (event) => {
  const req = event.data;
  if (req.type === 'abort') {
    controllers.get(req.seq)?.abort();
    return;
  }
  const timing: WorkerTiming = { start: now(), done: 0 };
  const work: Promise<WorkerResponse> =
    req.type === 'load'
      ? load(req.seq, req.id, req.url, req.priority, timing)
      : decodePixelBytes(req.id, req.buffer).then((image) => ({ seq: req.seq, ok: true, image, timing: { ...timing, done: now() } }));
  work
    .catch((error: unknown): WorkerResponse => ({ seq: req.seq, ok: false, error: errorOf(error) }))
    .then((answer) => {
      controllers.delete(req.seq);
      scope.postMessage(answer, answer.ok ? transferables(answer.image) : []);
    });
});
