// Bytes of /api/images/:id/pixels -> a PixelImage with its histogram and zoom-out levels, and the streamed
// variant used by the worker (fetch + PixelBlobAssembler as the bytes arrive). Pure of the DOM (fetch, streams
// and DecompressionStream are web-platform globals that Node has too).
import { PixelBlobAssembler } from './pixel-assembler.js';
import { looksDeflated, PixelBlobError } from './pixel-blob.js';
import type { PixelImage } from './types.js';

/** Inflates bytes that are still a zlib stream (a proxy that dropped Content-Encoding); else returns them. */
export async function inflateIfDeflated(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] === 0x43 || !looksDeflated(bytes) || typeof DecompressionStream === 'undefined') return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new PixelBlobError(`pixel blob: a zlib stream that does not inflate (${(error as Error).message})`, 'magic', 0);
  }
}

/** The whole decode of a complete body: parse, unfilter, histogram, levels. */
export async function decodePixelBytes(id: number, buffer: ArrayBuffer): Promise<PixelImage> {
  const assembler = new PixelBlobAssembler(id);
  assembler.push(await inflateIfDeflated(new Uint8Array(buffer)));
  return assembler.finish();
}

/**
 * Decodes a response body as it streams in; `onLastByte` is called when the download ends. A body that is still
 * zlib-compressed (no Content-Encoding on the way) is collected and inflated first.
 */
export async function decodePixelStream(id: number, body: ReadableStream<Uint8Array>, onLastByte?: () => void): Promise<PixelImage> {
  const reader = body.getReader();
  const assembler = new PixelBlobAssembler(id);
  let deflated: Uint8Array[] | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (deflated === null && assembler.header === null && value.length > 0 && value[0] !== 0x43 && looksDeflated(value)) deflated = [];
    if (deflated) deflated.push(value);
    else assembler.push(value);
  }
  onLastByte?.();
  if (deflated) assembler.push(await inflateIfDeflated(concat(deflated)));
  return assembler.finish();
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The buffers a decoded image owns, for postMessage's transfer list (each once). */
export function transferables(image: PixelImage): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => {
    if (a.buffer instanceof ArrayBuffer) set.add(a.buffer);
  };
  add(image.samples);
  if (image.histogram) add(image.histogram.counts);
  for (const level of image.levels ?? []) add(level.samples);
  return [...set];
}
