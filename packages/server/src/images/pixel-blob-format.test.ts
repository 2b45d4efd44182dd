import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { PIXEL_BLOB_HEADER_BYTES, decodePixelBlob, encodePixelBlob, packPixelBlob } from './pixel-blob-format.js';
import { renderPixelBlob, type PixelBlob } from './pixel-blob.js';

function blobOf(width: number, height: number, samples: number[], extra: Partial<PixelBlob> = {}): PixelBlob {
  const data = Buffer.alloc(width * height * 2);
  samples.forEach((v, i) => data.writeUInt16LE(v, 2 * i));
  return { width, height, bitsStored: 12, photometric: 'MONOCHROME2', offset: 0, data, min: Math.min(...samples), max: Math.max(...samples), ...extra };
}

describe('pixel blob format', () => {
  it('lays out the header as documented, little endian', () => {
    const packed = packPixelBlob(blobOf(3, 2, [0, 1, 2, 65535, 4, 5], { bitsStored: 16, photometric: 'MONOCHROME1', offset: 33792 }));
    assert.equal(packed.toString('latin1', 0, 4), 'CXRP');
    assert.deepEqual([1, 3, 2, 16, 1].map((_, i) => packed.readUInt32LE(4 + 4 * i)), [1, 3, 2, 16, 1]);
    assert.equal(packed.readInt32LE(24), 33792);
    assert.deepEqual([packed.readUInt32LE(28), packed.readUInt32LE(32)], [0, 65535]);
    assert.equal(packed.length, PIXEL_BLOB_HEADER_BYTES + 12);
    assert.deepEqual([...packed.subarray(36, 44)], [0, 0, 1, 0, 2, 0, 0xff, 0xff]);
  });

  it('encodes a zlib stream (HTTP Content-Encoding: deflate) of the packed blob', async () => {
    const blob = blobOf(2, 2, [10, 20, 30, 40]);
    const encoded = await encodePixelBlob(blob);
    assert.deepEqual(inflateSync(encoded), packPixelBlob(blob));
  });

  it('round-trips RG1 (compressed, and as a browser sees it once inflated)', async () => {
    const blob = await renderPixelBlob(sharedFixture('cr', 'RG1_J2KI.dcm'));
    const encoded = await encodePixelBlob(blob);
    assert.ok(encoded.length < blob.data.length, `${encoded.length} bytes compressed, ${blob.data.length} raw`);
    for (const bytes of [encoded, inflateSync(encoded)]) {
      const back = decodePixelBlob(bytes);
      assert.deepEqual({ ...back, data: undefined }, { ...blob, data: undefined });
      assert.ok(back.data.equals(blob.data));
    }
  });

  it('keeps MONOCHROME2 for every other photometric and a negative offset', () => {
    const back = decodePixelBlob(packPixelBlob(blobOf(1, 1, [7], { photometric: 'PALETTE COLOR', offset: -5 })));
    assert.deepEqual([back.photometric, back.offset], ['MONOCHROME2', -5]);
  });

  it('rejects damaged or foreign bytes', async () => {
    const encoded = await encodePixelBlob(blobOf(4, 4, Array.from({ length: 16 }, (_, i) => i * 100)));
    assert.throws(() => decodePixelBlob(encoded.subarray(0, encoded.length - 3)), /does not inflate/);
    const packed = packPixelBlob(blobOf(2, 2, [1, 2, 3, 4]));
    assert.throws(() => decodePixelBlob(packed.subarray(0, packed.length - 2)), /should be 44 bytes, is 42/);
    const future = Buffer.from(packed);
    future.writeUInt32LE(2, 4);
    assert.throws(() => decodePixelBlob(future), /version 2 is not supported/);
    assert.throws(() => decodePixelBlob(Buffer.from('PNG and other things, long enough to be a header')), /does not inflate|no CXRP/);
    assert.throws(() => packPixelBlob({ ...blobOf(2, 2, [1, 2, 3, 4]), width: 3 }), /needs 12 bytes/);
  });
});
