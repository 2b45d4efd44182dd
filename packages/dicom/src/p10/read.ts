import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { DicomError } from '../core/errors.js';
import { DataSetBuilder } from './build-data-set.js';
import type { P10File } from './p10-file.js';
import { P10Reader, type P10ReadOptions } from './reader.js';

export type ReadOptions = Omit<P10ReadOptions, 'totalLength'> & {
  /** First read size when streaming a file; later reads double up to 4 MiB. */
  chunkSize?: number;
};

/** Drains the reader into the builder; true once the end token has been seen. */
function drain(reader: P10Reader, builder: DataSetBuilder): boolean {
  for (let t = reader.next(); t !== null; t = reader.next()) {
    builder.add(t);
    if (t.type === 'end') return true;
  }
  return false;
}

/** Parses a whole Part 10 file (or bare data set) held in memory. Values are views of `bytes`. */
export function parseP10(bytes: Uint8Array, options: ReadOptions = {}): P10File {
  const reader = new P10Reader({ ...options, totalLength: bytes.length });
  const builder = new DataSetBuilder();
  reader.write(bytes, true);
  drain(reader, builder);
  return builder.result(bytes.length);
}

const MAX_CHUNK = 4 * 1024 * 1024;

/** A read the file driver must perform: fill `buffer` from `position`, answer with the bytes read. */
interface ReadRequest {
  buffer: Uint8Array;
  position: number;
}

/**
 * The reading plan, independent of sync or async I/O: with stopBeforePixelData, chunks growing from
 * 16 KiB (or the rest of a long value in one read) until the reader reaches the pixel data;
 * otherwise the whole file in one read.
 */
function* readPlan(size: number, options: ReadOptions): Generator<ReadRequest, P10File, number> {
  const reader = new P10Reader({ ...options, totalLength: size });
  const builder = new DataSetBuilder();
  let position = 0;
  let chunk = options.stopBeforePixelData ? options.chunkSize ?? 16384 : size;
  for (;;) {
    const want = Math.min(Math.max(chunk, reader.bytesWanted), size - position);
    // Not zero-filled: every byte handed to the reader is first read from the file. allocUnsafeSlow
    // keeps small files out of Node's shared pool, so values never pin another file's bytes.
    const buffer = new Uint8Array(Buffer.allocUnsafeSlow(want).buffer, 0, want);
    let got = 0;
    while (got < want) {
      const n = yield { buffer: buffer.subarray(got), position: position + got };
      if (n === 0) break;
      got += n;
    }
    position += got;
    reader.write(got === want ? buffer : buffer.subarray(0, got), position >= size || got < want);
    if (drain(reader, builder)) return builder.result(position);
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
}

function cannotOpen(path: string, error: unknown): DicomError {
  return new DicomError('ERR_IO', `cannot open: ${(error as Error).message}`, { file: path, cause: error });
}

function withFile(error: unknown, path: string): unknown {
  if (error instanceof DicomError) return error.inFile(path);
  return new DicomError('ERR_IO', (error as Error).message, { file: path, cause: error });
}

/**
 * Reads a DICOM file. With stopBeforePixelData it reads only as far as the pixel data, so a 200 MB
 * file costs a few kilobytes of I/O; otherwise it reads the file in one go.
 */
export function readDicomFileSync(path: string, options: ReadOptions = {}): P10File {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotOpen(path, error);
  }
  try {
    const plan = readPlan(fstatSync(fd).size, options);
    let step = plan.next();
    while (!step.done) step = plan.next(readSync(fd, step.value.buffer, 0, step.value.buffer.length, step.value.position));
    return step.value;
  } catch (error) {
    throw withFile(error, path);
  } finally {
    closeSync(fd);
  }
}

/** Asynchronous readDicomFileSync. */
export async function readDicomFile(path: string, options: ReadOptions = {}): Promise<P10File> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotOpen(path, error);
  }
  try {
    const plan = readPlan((await handle.stat()).size, options);
    let step = plan.next();
    while (!step.done) {
      const { bytesRead } = await handle.read(step.value.buffer, 0, step.value.buffer.length, step.value.position);
      step = plan.next(bytesRead);
    }
    return step.value;
  } catch (error) {
    throw withFile(error, path);
  } finally {
    await handle.close();
  }
}
