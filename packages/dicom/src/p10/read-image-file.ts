import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DicomError } from '../core/errors.js';
import { Tags } from '../core/tags.js';
import { bytesElement } from '../data/element.js';
import { getNumber } from '../values/accessors.js';
import type { P10File } from './p10-file.js';
import { parseP10, readDicomFileSync } from './read.js';

/**
 * A buffer reused from file to file for native pixel data. A chest radiograph's 13.6 MB of pixels
 * read into fresh memory costs thousands of page faults per file, more than copying them; read into
 * the same buffer each time, they cost one copy in and one copy out, as `cp` does.
 */
export class PixelScratch {
  private buffer = new Uint8Array(0);

  /** A view of `length` bytes, valid until the next take(). */
  take(length: number): Uint8Array {
    if (this.buffer.length < length) {
      const size = Math.ceil(length * 1.25);
      this.buffer = new Uint8Array(Buffer.allocUnsafeSlow(size).buffer, 0, size);
    }
    return this.buffer.subarray(0, length);
  }
}

/** Below this size a file is read whole, in one go, into the scratch buffer and parsed there. */
const SMALL_FILE = 1024 * 1024;

/** A small file, read whole into `scratch` (no fresh memory per file) and parsed in place. */
function readSmallFile(path: string, size: number, scratch: PixelScratch): P10File {
  const fd = openSync(path, 'r');
  let bytes: Uint8Array;
  try {
    bytes = scratch.take(size);
    bytes = bytes.subarray(0, readFully(fd, bytes, 0));
  } catch (error) {
    throw new DicomError('ERR_IO', `cannot read: ${(error as Error).message}`, { file: path, cause: error });
  } finally {
    closeSync(fd);
  }
  try {
    return parseP10(bytes);
  } catch (error) {
    throw error instanceof DicomError ? error.inFile(path) : error;
  }
}

function readFully(fd: number, into: Uint8Array, position: number): number {
  let got = 0;
  while (got < into.length) {
    const n = readSync(fd, into, got, into.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/**
 * Reads a DICOM image file for processing (de-identification, filtering): the header as usual, and
 * native Pixel Data (explicit or implicit VR little endian) straight into `scratch`, so the file's
 * bytes are read once into reused memory. Elements after the Pixel Data (Digital Signatures, Data
 * Set Trailing Padding) are not read. The result's Pixel Data is a view of `scratch`, valid until
 * its next use. Small files (under 1 MiB) are read whole into `scratch` and parsed there (every
 * value then a view of it). Big endian, deflated and encapsulated files, and anything unexpected,
 * are read by readDicomFileSync, which also gives the errors.
 */
export function readImageFile(path: string, scratch: PixelScratch): P10File {
  const size = statSync(path).size;
  if (size < SMALL_FILE) return readSmallFile(path, size, scratch);
  const header = readDicomFileSync(path, { stopBeforePixelData: true });
  const ts = header.transferSyntax;
  if (header.info.stoppedBeforeTag !== Tags.PixelData || ts.encapsulated || ts.deflated || !ts.littleEndian) return readDicomFileSync(path);
  const fd = openSync(path, 'r');
  try {
    const start = header.info.bytesRead;
    const head = new Uint8Array(12);
    readFully(fd, head, start);
    const view = new DataView(head.buffer);
    const explicitVR = ts.explicitVR;
    const vr = explicitVR ? String.fromCharCode(head[4]!, head[5]!) : (getNumber(header.dataSet, Tags.BitsAllocated) ?? 16) > 8 ? 'OW' : 'OB';
    const length = explicitVR ? view.getUint32(8, true) : view.getUint32(4, true);
    const valueAt = start + (explicitVR ? 12 : 8);
    if ((vr !== 'OW' && vr !== 'OB') || length === 0xffffffff || valueAt + length > size) return readDicomFileSync(path);
    const pixels = scratch.take(length);
    if (readFully(fd, pixels, valueAt) !== length) throw new DicomError('ERR_TRUNCATED', 'the file shrank while it was read', { file: path, tag: Tags.PixelData });
    header.dataSet.set(bytesElement(Tags.PixelData, vr, pixels));
    return { ...header, info: { ...header.info, stoppedBeforeTag: undefined, bytesRead: valueAt + length, bytesFetched: valueAt + length } };
  } finally {
    closeSync(fd);
  }
}
