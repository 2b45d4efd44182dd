import { rename, unlink, open } from 'node:fs/promises';
import { closeSync, openSync, renameSync, unlinkSync, writevSync, fsyncSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { threadId } from 'node:worker_threads';
import { DicomError } from '../core/errors.js';
import { Tags } from '../core/tags.js';
import { DataSet } from '../data/data-set.js';
import { bytesElement, type Element } from '../data/element.js';
import { lookupTransferSyntax, type TransferSyntax } from '../dictionary/transfer-syntax.js';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from '../dictionary/sop-class.js';
import { encodeUID, decodeAscii } from '../values/encode.js';
import { ChunkSink, concatChunks } from './chunk-sink.js';
import { encodeDataSet } from './write-data-set.js';

export interface WriteOptions {
  /** Transfer syntax to write; default: the one the file was read with. Encapsulated pixel data needs an encapsulated syntax. */
  transferSyntaxUID?: string;
  /** Write preamble, "DICM" and file meta (default true); false writes the bare data set. */
  fileMeta?: boolean;
  /** zlib level for the deflated transfer syntax (default 6, zlib's default). */
  deflateLevel?: number;
}

export interface FileWriteOptions extends WriteOptions {
  /** fsync the file before renaming it into place (default true), so a crash never leaves a torn file. */
  durable?: boolean;
}

export interface WritableFile {
  dataSet: DataSet;
  fileMeta?: DataSet | undefined;
  preamble?: Uint8Array | undefined;
  transferSyntax?: TransferSyntax;
}

const DICM = new Uint8Array([0x44, 0x49, 0x43, 0x4d]);

function resolveTransferSyntax(file: WritableFile, options: WriteOptions): TransferSyntax {
  const uid = options.transferSyntaxUID ?? file.transferSyntax?.uid ?? '1.2.840.10008.1.2.1';
  const ts = lookupTransferSyntax(uid) ?? (file.transferSyntax?.uid === uid ? file.transferSyntax : undefined);
  if (!ts) throw new DicomError('ERR_UNSUPPORTED', `unknown transfer syntax ${uid}`);
  const pixels = file.dataSet.get(Tags.PixelData);
  if (pixels?.kind === 'fragments' && !ts.encapsulated) {
    throw new DicomError('ERR_UNSUPPORTED', `pixel data is encapsulated; it cannot be written as ${ts.name} without decoding`, { tag: Tags.PixelData });
  }
  if (pixels?.kind === 'bytes' && ts.encapsulated) {
    throw new DicomError('ERR_UNSUPPORTED', `pixel data is native; ${ts.name} needs an encoder`, { tag: Tags.PixelData });
  }
  return ts;
}

/**
 * The file meta to write: the one read (minus its group length, which is recomputed), with the
 * transfer syntax set, and the required elements filled in from the data set where missing.
 */
export function buildFileMeta(file: WritableFile, ts: TransferSyntax): DataSet {
  const meta = new DataSet();
  const keep = (e: Element | undefined): void => {
    if (e) meta.set(e);
  };
  const source = file.fileMeta;
  keep(source?.get(Tags.FileMetaInformationVersion) ?? bytesElement(Tags.FileMetaInformationVersion, 'OB', new Uint8Array([0, 1])));
  keep(source?.get(Tags.MediaStorageSOPClassUID) ?? copyAs(file.dataSet.get(Tags.SOPClassUID), Tags.MediaStorageSOPClassUID));
  keep(source?.get(Tags.MediaStorageSOPInstanceUID) ?? copyAs(file.dataSet.get(Tags.SOPInstanceUID), Tags.MediaStorageSOPInstanceUID));
  for (const e of source?.elements() ?? []) {
    if (e.tag > Tags.MediaStorageSOPInstanceUID && e.tag !== Tags.TransferSyntaxUID) meta.set(e);
  }
  const readUID = source?.get(Tags.TransferSyntaxUID);
  const sameUID = readUID?.kind === 'bytes' && decodeAscii(readUID.value).replace(/[\0 ]+$/, '') === ts.uid;
  meta.set(sameUID ? readUID : bytesElement(Tags.TransferSyntaxUID, 'UI', encodeUID(ts.uid)));
  if (!meta.has(Tags.ImplementationClassUID)) meta.set(bytesElement(Tags.ImplementationClassUID, 'UI', encodeUID(IMPLEMENTATION_CLASS_UID)));
  if (!source?.has(Tags.ImplementationClassUID) && !meta.has(Tags.ImplementationVersionName)) {
    meta.set(bytesElement(Tags.ImplementationVersionName, 'SH', new TextEncoder().encode(IMPLEMENTATION_VERSION_NAME)));
  }
  return meta;
}

function copyAs(e: Element | undefined, tag: number): Element | undefined {
  return e?.kind === 'bytes' ? bytesElement(tag, 'UI', e.value) : undefined;
}

/** Encodes a file as Part 10, as a list of chunks (large values are not copied). */
export function encodeP10Chunks(file: WritableFile, options: WriteOptions = {}): Uint8Array[] {
  const ts = resolveTransferSyntax(file, options);
  const out = new ChunkSink();
  if (options.fileMeta ?? true) {
    out.bytes(file.preamble && file.preamble.length === 128 ? file.preamble : new Uint8Array(128));
    out.bytes(DICM);
    const metaBody = encodeDataSet(buildFileMeta(file, ts), { explicitVR: true, littleEndian: true });
    out.tag(Tags.FileMetaInformationGroupLength, true);
    out.ascii2('UL');
    out.u16(4, true);
    out.u32(metaBody.length, true);
    out.append(metaBody);
  }
  const body = encodeDataSet(file.dataSet, { explicitVR: ts.explicitVR, littleEndian: ts.littleEndian });
  if (ts.deflated) {
    out.bytes(deflateRawSync(concatChunks(body.finish()), { level: options.deflateLevel ?? 6 }));
  } else {
    out.append(body);
  }
  return out.finish();
}

/** Encodes a file as Part 10 into one buffer. */
export function encodeP10(file: WritableFile, options: WriteOptions = {}): Uint8Array {
  return concatChunks(encodeP10Chunks(file, options));
}

/**
 * A hidden temporary name beside `path`, unique across processes (pid) and threads, with 32 random
 * bits for calls within one thread (a collision makes the exclusive open fail, never clobbers). Not
 * crypto: a batch writes thousands of files, and the name needs to be unique, not secret.
 */
export function tempPathFor(path: string): string {
  const random = Math.floor(Math.random() * 2 ** 32).toString(16).padStart(8, '0');
  return join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${random}.tmp`);
}

/** Writes a file atomically: to a temporary file beside it, flushed, then renamed over the target. Returns its size. */
export function writeDicomFileSync(path: string, file: WritableFile, options: FileWriteOptions = {}): number {
  const chunks = encodeP10Chunks(file, options);
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writevAll(fd, chunks);
      if (options.durable ?? true) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw new DicomError('ERR_IO', `cannot write: ${(error as Error).message}`, { file: path, cause: error });
  }
  return chunks.reduce((n, c) => n + c.length, 0);
}

/** The chunks still to write after a writev that wrote `written` bytes of `pending`. */
function remainingAfter(pending: Uint8Array[], written: number): Uint8Array[] {
  let i = 0;
  while (i < pending.length && written >= pending[i]!.length) written -= pending[i++]!.length;
  const rest = pending.slice(i);
  if (written > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(written);
  return rest;
}

/** writev batches (at most 512 buffers each, under IOV_MAX) until every byte is written. */
function* writeBatches(chunks: Uint8Array[]): Generator<Uint8Array[], void, number> {
  const nonEmpty = chunks.filter((c) => c.length > 0);
  for (let i = 0; i < nonEmpty.length; i += 512) {
    let pending = nonEmpty.slice(i, i + 512);
    while (pending.length > 0) pending = remainingAfter(pending, yield pending);
  }
}

function writevAll(fd: number, chunks: Uint8Array[]): void {
  const batches = writeBatches(chunks);
  for (let step = batches.next(); !step.done; ) step = batches.next(writevSync(fd, step.value));
}

/** Asynchronous writeDicomFileSync. */
export async function writeDicomFile(path: string, file: WritableFile, options: FileWriteOptions = {}): Promise<void> {
  const chunks = encodeP10Chunks(file, options);
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx');
    try {
      const batches = writeBatches(chunks);
      for (let step = batches.next(); !step.done; ) step = batches.next((await handle.writev(step.value)).bytesWritten);
      if (options.durable ?? true) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new DicomError('ERR_IO', `cannot write: ${(error as Error).message}`, { file: path, cause: error });
  }
}
