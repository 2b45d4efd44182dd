// One DICOM upload: the file as the body (Content-Type: application/dicom) with the session's CSRF
// token; errors become ApiError like every other request's.
import { postBytes } from '../api/client.js';

export interface UploadReply {
  imageId: string;
  id: number;
  status: 'added' | 'unchanged';
}

export function uploadDicom(path: string, file: Blob): Promise<UploadReply> {
  return postBytes<UploadReply>(path, file, 'application/dicom');
}
