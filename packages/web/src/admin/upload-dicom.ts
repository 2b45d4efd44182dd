// One DICOM upload: the file as the body (Content-Type: application/dicom) with the session's CSRF
// token; errors become ApiError like every other request's.
import { ApiError } from '../api/api-error.js';
import { currentCsrfToken } from '../api/client.js';

export interface UploadReply {
  imageId: string;
  id: number;
  status: 'added' | 'unchanged';
}

export async function uploadDicom(path: string, file: Blob): Promise<UploadReply> {
  const headers: Record<string, string> = { 'content-type': 'application/dicom', accept: 'application/json' };
  const token = currentCsrfToken();
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch (error) {
    throw new ApiError(0, 'ERR_NETWORK', `the server could not be reached (${(error as Error).message})`);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'ERR_INTERNAL', `the server answered ${response.status} with a body that is not JSON`);
  }
  if (!response.ok) {
    const e = (json as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
    throw new ApiError(response.status, (e?.code ?? 'ERR_INTERNAL') as ApiError['code'], e?.message ?? `HTTP ${response.status}`, e?.field !== undefined ? { field: e.field } : {});
  }
  return json as UploadReply;
}
