// GET /api/images/:id/pixels as bytes: the session cookie rides along, the browser inflates
// Content-Encoding: deflate and revalidates with the strong ETag through its HTTP cache. HTTP errors become
// ApiError (the server's { error: { code, message } } when it sent one).
import { ApiError } from '../api/api-error.js';
import { serverError } from '../api/server-error.js';

export const pixelsPath = (id: number): string => `/api/images/${encodeURIComponent(String(id))}/pixels`;

export async function fetchPixelBytes(id: number, signal: AbortSignal, priority: 'high' | 'low' | 'auto' = 'auto'): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(pixelsPath(id), { credentials: 'same-origin', signal, headers: { accept: 'application/vnd.cxrlab.pixels' }, priority } as RequestInit);
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'ERR_NETWORK', `the pixels of image ${id} could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) {
    const { code, message } = serverError(await response.json().catch(() => undefined), `HTTP ${response.status} for the pixels of image ${id}`);
    throw new ApiError(response.status, code, message);
  }
  return response.arrayBuffer();
}
