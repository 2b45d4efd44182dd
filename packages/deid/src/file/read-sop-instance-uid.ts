import { closeSync, openSync, readSync } from 'node:fs';
import { P10Reader, Tags, decodeAscii } from '@cxrlab/dicom';

const CHUNK = 8192;

/**
 * The SOP Instance UID (0008,0018) of a DICOM file, reading no further than that element: the few
 * hundred bytes that give an image its id, where a header read parses everything up to the pixels.
 * Undefined when the data set has none. Throws DicomError for files that are not DICOM.
 */
export function readSopInstanceUid(path: string): string | undefined {
  const fd = openSync(path, 'r');
  try {
    const reader = new P10Reader();
    let position = 0;
    let depth = 0;
    for (;;) {
      for (let token = reader.next(); token !== null; token = reader.next()) {
        if (token.type === 'sequenceStart' || token.type === 'fragmentsStart') depth++;
        else if (token.type === 'sequenceEnd' || token.type === 'fragmentsEnd') depth--;
        else if (token.type === 'end') return undefined;
        else if (token.type === 'element' && depth === 0 && token.tag >= Tags.SOPInstanceUID) {
          if (token.tag > Tags.SOPInstanceUID || token.value === undefined) return undefined;
          return decodeAscii(token.value).replace(/[\0 ]+$/, '') || undefined;
        }
      }
      const chunk = new Uint8Array(CHUNK);
      const n = readSync(fd, chunk, 0, CHUNK, position);
      position += n;
      reader.write(chunk.subarray(0, n), n < CHUNK);
    }
  } finally {
    closeSync(fd);
  }
}
