import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { sharedFixture } from '@cxrlab/dicom/testing';
import { imageGoldens } from './internal/test-images.js';
import { PIXEL_BLOB_HEADER_BYTES, PIXEL_BLOB_VERSION, decodePixelBlob, encodePixelBlob, encodePixelBlobSync, packPixelBlob } from './pixel-blob-format.js';
import { renderPixelBlob, type PixelBlob } from './pixel-blob.js';

function blobOf(width: number, height: number, samples: number[], extra: Partial<PixelBlob> = {}): PixelBlob {
  const data = Buffer.alloc(width * height * 2);
  samples.forEach((v, i) => data.writeUInt16LE(v, 2 * i));
  return { width, height, bitsStored: 12, photometric: 'MONOCHROME2', offset: 0, data, min: Math.min(...samples), max: Math.max(...samples), ...extra };
}

function assertSameBlob(actual: PixelBlob, expected: PixelBlob): void {
  assert.deepEqual({ ...actual, data: undefined }, { ...expected, data: undefined });
  assert.ok(actual.data.equals(expected.data));
}

describe('pixel blob format', () => {
  it('is version 2', () => assert.equal(PIXEL_BLOB_VERSION, 2));

  it('lays out the header as documented, little endian, and the samples filtered into byte planes', () => {
    const packed = packPixelBlob(blobOf(3, 2, [0, 1, 2, 65535, 4, 5], { bitsStored: 16, photometric: 'MONOCHROME1', offset: 33792 }));
    assert.equal(packed.toString('latin1', 0, 4), 'CXRP');
    // version, width, height, bitsStored, flags (MONOCHROME1 | filtered)
    assert.deepEqual([0, 1, 2, 3, 4].map((i) => packed.readUInt32LE(4 + 4 * i)), [2, 3, 2, 16, 3]);
    assert.equal(packed.readInt32LE(24), 33792);
    assert.deepEqual([packed.readUInt32LE(28), packed.readUInt32LE(32)], [0, 65535]);
    assert.equal(packed.length, PIXEL_BLOB_HEADER_BYTES + 12);
    // rows [0 1 2] and [65535 4 5]: codes 0, zz(1)=2, zz(1)=2 | 65535, zz(5)=10, zz(1)=2; low plane, then high plane
    assert.deepEqual([...packed.subarray(36)], [0, 2, 2, 0xff, 10, 2, 0, 0, 0, 0xff, 0, 0]);
  });

  it('without the filter: flag bit 1 clear and the samples as they are', () => {
    const packed = packPixelBlob(blobOf(3, 1, [0, 1, 65535]), { filter: false });
    assert.equal(packed.readUInt32LE(20), 0);
    assert.deepEqual([...packed.subarray(36)], [0, 0, 1, 0, 0xff, 0xff]);
    assertSameBlob(decodePixelBlob(packed), blobOf(3, 1, [0, 1, 65535]));
  });

  it('encodes a zlib stream (HTTP Content-Encoding: deflate) of the packed blob, the same in and off the thread', async () => {
    const blob = blobOf(2, 2, [10, 20, 30, 40]);
    const encoded = await encodePixelBlob(blob);
    assert.deepEqual(inflateSync(encoded), packPixelBlob(blob));
    assert.deepEqual(encodePixelBlobSync(blob), encoded);
  });

  it('round-trips RG1 losslessly (compressed, and as a browser sees it once inflated), smaller than version 1', async () => {
    const blob = await renderPixelBlob(sharedFixture('cr', 'RG1_J2KI.dcm'));
    const encoded = await encodePixelBlob(blob);
    const unfiltered = await encodePixelBlob(blob, { filter: false, zlib: { level: 1 } }); // version 1's encoding
    assert.ok(encoded.length < 0.75 * unfiltered.length, `${encoded.length} bytes filtered, ${unfiltered.length} unfiltered`);
    for (const bytes of [encoded, inflateSync(encoded)]) {
      const back = decodePixelBlob(bytes);
      assertSameBlob(back, blob);
      assert.equal(createHash('sha256').update(back.data).digest('hex'), imageGoldens().get('cr/RG1_J2KI.dcm')!.pixels.sha256);
    }
  });

  it('keeps MONOCHROME2 for every other photometric and a negative offset', () => {
    const back = decodePixelBlob(packPixelBlob(blobOf(1, 1, [7], { photometric: 'PALETTE COLOR', offset: -5 })));
    assert.deepEqual([back.photometric, back.offset, back.data.readUInt16LE(0)], ['MONOCHROME2', -5, 7]);
  });

  it('rejects damaged or foreign bytes, other versions and unknown flags', async () => {
    const encoded = await encodePixelBlob(blobOf(4, 4, Array.from({ length: 16 }, (_, i) => i * 100)));
    assert.throws(() => decodePixelBlob(encoded.subarray(0, encoded.length - 3)), /does not inflate/);
    const packed = packPixelBlob(blobOf(2, 2, [1, 2, 3, 4]));
    assert.throws(() => decodePixelBlob(packed.subarray(0, packed.length - 2)), /should be 44 bytes, is 42/);
    for (const version of [1, 3]) {
      const other = Buffer.from(packed);
      other.writeUInt32LE(version, 4);
      assert.throws(() => decodePixelBlob(other), new RegExp(`version ${version} is not supported`));
    }
    const flagged = Buffer.from(packed);
    flagged.writeUInt32LE(4 | 2, 20);
    assert.throws(() => decodePixelBlob(flagged), /flags 0x6 name an unknown encoding/);
    assert.throws(() => decodePixelBlob(Buffer.from('PNG and other things, long enough to be a header')), /does not inflate|no CXRP/);
    assert.throws(() => packPixelBlob({ ...blobOf(2, 2, [1, 2, 3, 4]), width: 3 }), /needs 12 bytes/);
  });
});
