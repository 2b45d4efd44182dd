// The protobuf encoder against hand-checked bytes, including the examples of the protobuf encoding guide.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoWriter, encodeVarint, float32Bytes, int64Bytes } from './protobuf-writer.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('encodeVarint', () => {
  const CASES: Array<[number | bigint, string]> = [
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [150, '9601'],
    [300, 'ac02'],
    [16383, 'ff7f'],
    [16384, '808001'],
    [2 ** 31 - 1, 'ffffffff07'],
    [2 ** 32, '8080808010'],
    [Number.MAX_SAFE_INTEGER, 'ffffffffffffff0f'],
    [-1, 'ffffffffffffffffff01'],
    [-2, 'feffffffffffffffff01'],
    [2n ** 64n - 1n, 'ffffffffffffffffff01'],
    [2n ** 63n, '80808080808080808001'],
    [-(2n ** 63n), '80808080808080808001'],
  ];
  for (const [value, expected] of CASES) {
    it(`${value} -> ${expected}`, () => assert.equal(hex(encodeVarint(value)), expected));
  }

  it('rejects numbers that are not safe integers and values outside 64 bits', () => {
    assert.throws(() => encodeVarint(2 ** 53), RangeError);
    assert.throws(() => encodeVarint(1.5), RangeError);
    assert.throws(() => encodeVarint(2n ** 64n), RangeError);
    assert.throws(() => encodeVarint(-(2n ** 63n) - 1n), RangeError);
  });
});

describe('ProtoWriter', () => {
  it('encodes the encoding guide examples', () => {
    assert.equal(hex(new ProtoWriter().varint(1, 150).finish()), '089601');
    assert.equal(hex(new ProtoWriter().string(2, 'testing').finish()), '120774657374696e67');
    assert.equal(hex(new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)).finish()), '1a03089601');
    assert.equal(hex(new ProtoWriter().packedVarints(4, [3, 270, 86942]).finish()), '2206038e029ea705');
  });

  it('encodes floats as fixed32 and packed floats as little-endian bytes', () => {
    assert.equal(hex(new ProtoWriter().float(2, 1).finish()), '150000803f');
    assert.equal(hex(new ProtoWriter().packedFloats(7, [1, -2]).finish()), '3a080000803f000000c0');
    assert.equal(hex(new ProtoWriter().packedFloats(7, []).finish()), '3a00');
  });

  it('encodes raw bytes, empty strings and UTF-8', () => {
    assert.equal(hex(new ProtoWriter().bytes(9, Uint8Array.of(0, 255)).finish()), '4a0200ff');
    assert.equal(hex(new ProtoWriter().string(1, '').finish()), '0a00');
    assert.equal(hex(new ProtoWriter().string(1, 'µ').finish()), '0a02c2b5');
  });

  it('writes large field numbers with multi-byte tags and rejects invalid ones', () => {
    assert.equal(hex(new ProtoWriter().varint(20, 7).finish()), 'a00107');
    assert.throws(() => new ProtoWriter().varint(0, 1), RangeError);
  });

  it('nests messages several levels deep with the right lengths, and finish() can run twice', () => {
    const inner = new ProtoWriter().bytes(9, new Uint8Array(200).fill(7));
    const middle = new ProtoWriter().varint(1, 1).message(2, inner);
    const outer = new ProtoWriter().message(7, middle);
    const bytes = outer.finish();
    // inner: tag 4a, length 200 (c8 01), 200 bytes = 203; middle: 08 01, tag 12, length 203 (cb 01) = 208;
    // outer: tag 3a, length 208 (d0 01).
    assert.equal(hex(bytes.subarray(0, 11)), '3ad0010801' + '12cb014ac801');
    assert.equal(bytes.length, 3 + 208);
    assert.equal(outer.length, bytes.length);
    assert.deepEqual(outer.finish(), bytes);
  });
});

describe('little-endian arrays', () => {
  it('float32Bytes and int64Bytes', () => {
    assert.equal(hex(float32Bytes(Float32Array.of(0.5, -0))), '0000003f00000080');
    assert.equal(hex(int64Bytes([-1, 2, 2n ** 40n])), 'ffffffffffffffff' + '0200000000000000' + '0000000000010000');
  });
});
