import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync, inflateSync } from 'node:zlib';
import { encodeFilter } from '@cxrlab/server/pixel-filter';
import { parsePixelBlob, PixelBlobError } from './pixel-blob.js';
import { sampleHistogram } from './histogram.js';
import { PixelBlobAssembler } from './pixel-assembler.js';
import { decodePixelBytes, decodePixelStream } from './pixel-decode.js';
import { buildLevels } from './pixel-levels.js';

/** A blob as the server writes it (pixel-blob-format.ts): header + filtered (or raw) samples, deflated. */
function makeBlob(samples: Uint16Array, width: number, height: number, o: { monochrome1?: boolean; filter?: boolean; offset?: number; version?: number; magic?: string } = {}): Buffer {
  const header = Buffer.alloc(36);
  header.write(o.magic ?? 'CXRP', 0, 'latin1');
  header.writeUInt32LE(o.version ?? 2, 4);
  header.writeUInt32LE(width, 8);
  header.writeUInt32LE(height, 12);
  header.writeUInt32LE(12, 16);
  const filter = o.filter ?? true;
  header.writeUInt32LE((o.monochrome1 ? 1 : 0) | (filter ? 2 : 0), 20);
  header.writeInt32LE(o.offset ?? -1024, 24);
  let min = 65535;
  let max = 0;
  for (const v of samples) [min, max] = [Math.min(min, v), Math.max(max, v)];
  header.writeUInt32LE(min, 28);
  header.writeUInt32LE(max, 32);
  const body = filter ? Buffer.from(encodeFilter(samples, width, height)) : Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  return deflateSync(Buffer.concat([header, body]));
}

const W = 7;
const H = 5;
const SAMPLES = Uint16Array.from({ length: W * H }, (_, i) => (i * 7919) % 4096 + (i % 3 === 0 ? 60000 : 0));

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
function expectBlobError(b: Uint8Array, field: string, byteOffset: number, text: RegExp): void {
  assert.throws(() => parsePixelBlob(1, b), (e: unknown) => e instanceof PixelBlobError && e.name === 'PixelBlobError' && e.field === field && e.byteOffset === byteOffset && text.test(e.message));
}

describe('parsePixelBlob', () => {
  it('reads a filtered blob back to the samples and header', () => {
    const image = parsePixelBlob(42, bytes(inflateSync(makeBlob(SAMPLES, W, H, { monochrome1: true }))));
    assert.deepEqual({ ...image, samples: [...image.samples] }, { id: 42, width: W, height: H, bitsStored: 12, monochrome1: true, offset: -1024, min: Math.min(...SAMPLES), max: Math.max(...SAMPLES), samples: [...SAMPLES] });
  });
  it('reads an unfiltered blob (raw little-endian samples)', () => {
    const image = parsePixelBlob(1, bytes(inflateSync(makeBlob(SAMPLES, W, H, { filter: false }))));
    assert.deepEqual([...image.samples], [...SAMPLES]);
    assert.equal(image.monochrome1, false);
  });
  it('names a bad magic (and says when the bytes are still deflated)', () => {
    expectBlobError(bytes(inflateSync(makeBlob(SAMPLES, W, H, { magic: 'CXRQ' }))), 'magic', 0, /byte 0.*43 58 52 51/);
    expectBlobError(bytes(makeBlob(SAMPLES, W, H)), 'magic', 0, /still zlib-compressed/);
  });
  it('names an unsupported version', () => {
    expectBlobError(bytes(inflateSync(makeBlob(SAMPLES, W, H, { version: 1 }))), 'version', 4, /version \(byte 4\) is 1/);
  });
  it('names a truncated blob, in the header or in the samples', () => {
    const full = bytes(inflateSync(makeBlob(SAMPLES, W, H)));
    expectBlobError(full.subarray(0, 20), 'header', 20, /truncated: 20 bytes/);
    expectBlobError(full.subarray(0, full.length - 1), 'samples', 36, /truncated: a 7x5 image needs 106 bytes .* got 105/);
  });
  it('names unknown flags and an impossible min/max', () => {
    const b = Buffer.from(inflateSync(makeBlob(SAMPLES, W, H)));
    b.writeUInt32LE(6, 20);
    expectBlobError(bytes(b), 'flags', 20, /0x6/);
    const c = Buffer.from(inflateSync(makeBlob(SAMPLES, W, H)));
    c.writeUInt32LE(70000, 32);
    expectBlobError(bytes(c), 'max', 32, /70000/);
  });
});

describe('decodePixelBytes', () => {
  it('adds the histogram and levels, and inflates a blob whose Content-Encoding was lost', async () => {
    const side = 600;
    const samples = Uint16Array.from({ length: side * side }, (_, i) => 100 + (i % side));
    const z = makeBlob(samples, side, side);
    const image = await decodePixelBytes(3, z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer);
    assert.deepEqual(image.samples, samples);
    assert.equal(image.histogram?.min, 100);
    assert.equal(image.histogram?.counts.length, side);
    assert.equal(image.histogram?.counts[0], side);
    assert.deepEqual(image.levels?.map((l) => [l.factor, l.width, l.height]), [[2, 300, 300]]);
  });
});

describe('PixelBlobAssembler (streamed decode)', () => {
  const side = 300;
  const samples = Uint16Array.from({ length: side * (side + 7) }, (_, i) => 500 + ((i * 40503) % 3000));
  for (const filter of [true, false]) {
    it(`decodes ${filter ? 'a filtered' : 'an unfiltered'} blob pushed in odd-sized chunks like parsePixelBlob + histogram + levels`, () => {
      const raw = bytes(inflateSync(makeBlob(samples, side, side + 7, { filter })));
      const a = new PixelBlobAssembler(9);
      for (let at = 0, k = 1; at < raw.length; k++) {
        const size = [1, 3, 35, 1000, 7777, 65536][k % 6]!;
        a.push(raw.subarray(at, at + size));
        at += size;
      }
      const image = a.finish();
      const reference = parsePixelBlob(9, raw);
      assert.deepEqual(image.samples, reference.samples);
      assert.deepEqual(image.histogram, sampleHistogram(reference.samples, reference.min, reference.max));
      assert.deepEqual(image.levels, buildLevels(reference.samples, side, side + 7));
    });
  }
  it('fails at once on a bad magic, and names a short blob at the end', () => {
    assert.throws(() => new PixelBlobAssembler(1).push(Uint8Array.of(0x43, 0x58, 0x00)), (e: unknown) => e instanceof PixelBlobError && e.field === 'magic');
    const raw = bytes(inflateSync(makeBlob(SAMPLES, W, H)));
    const a = new PixelBlobAssembler(1);
    a.push(raw.subarray(0, raw.length - 2));
    assert.throws(() => a.finish(), (e: unknown) => e instanceof PixelBlobError && e.field === 'samples' && /got 104/.test(e.message));
    const b = new PixelBlobAssembler(1);
    b.push(raw.subarray(0, 10));
    assert.throws(() => b.finish(), (e: unknown) => e instanceof PixelBlobError && e.field === 'header' && /10 bytes/.test(e.message));
    const c = new PixelBlobAssembler(1);
    assert.throws(() => c.push(Uint8Array.from([...raw, 0])), (e: unknown) => e instanceof PixelBlobError && /too long/.test(e.message));
  });
  it('decodePixelStream reads a stream, also one still deflated', async () => {
    const z = makeBlob(samples, side, side + 7);
    const stream = (b: Uint8Array) => new ReadableStream<Uint8Array>({ start(c) { for (let i = 0; i < b.length; i += 4096) c.enqueue(b.slice(i, i + 4096)); c.close(); } });
    const fromRaw = await decodePixelStream(2, stream(bytes(inflateSync(z))));
    const fromZ = await decodePixelStream(2, stream(bytes(z)));
    assert.deepEqual(fromRaw.samples, samples);
    assert.deepEqual(fromZ.samples, samples);
  });
});
