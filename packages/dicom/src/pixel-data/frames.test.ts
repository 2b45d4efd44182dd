import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSet } from '../data/data-set.js';
import { bytesElement, type FragmentsElement } from '../data/element.js';
import { DicomError } from '../core/errors.js';
import { Tags } from '../core/tags.js';
import { encodeAscii } from '../values/encode.js';
import { sharedFixture } from '../internal/test-assets.js';
import { readDicomFileSync } from '../p10/read.js';
import { encapsulatedFrames, nativeFrame, numberOfFrames } from './frames.js';

const u32s = (values: number[]): Uint8Array => {
  const out = new Uint8Array(values.length * 4);
  values.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v, true));
  return out;
};
const jpeg = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill).fill(0xff, 0, 1).fill(0xd8, 1, 2);
const tail = (n: number, fill: number): Uint8Array => new Uint8Array(n).fill(fill);

/** Three frames: the first in two fragments, the others in one each. */
function encapsulated(offsetTable: Uint8Array, frames = '3'): DataSet {
  const ds = new DataSet();
  ds.set(bytesElement(Tags.NumberOfFrames, 'IS', encodeAscii(frames)));
  const fragments = [jpeg(10, 1), tail(6, 1), jpeg(8, 2), jpeg(12, 3)];
  ds.set({ kind: 'fragments', tag: Tags.PixelData, vr: 'OB', offsetTable, fragments } satisfies FragmentsElement);
  return ds;
}
const EXPECTED = [[jpeg(10, 1), tail(6, 1)], [jpeg(8, 2)], [jpeg(12, 3)]];

describe('frames of encapsulated pixel data', () => {
  it('from the Basic Offset Table', () => {
    // Offsets count item headers: 0, (8+10)+(8+6)=32, 32+(8+8)=48.
    assert.deepEqual(encapsulatedFrames(encapsulated(u32s([0, 32, 48]))), EXPECTED);
  });

  it('from the Extended Offset Table, which wins over an empty BOT', () => {
    const ds = encapsulated(new Uint8Array(0));
    const eot = new Uint8Array(24);
    [0, 32, 48].forEach((v, i) => new DataView(eot.buffer).setBigUint64(i * 8, BigInt(v), true));
    ds.set(bytesElement(Tags.ExtendedOffsetTable, 'OV', eot));
    assert.deepEqual(encapsulatedFrames(ds), EXPECTED);
  });

  it('without an offset table, from frame start markers', () => {
    assert.deepEqual(encapsulatedFrames(encapsulated(new Uint8Array(0))), EXPECTED);
  });

  it('one frame takes every fragment', () => {
    const file = readDicomFileSync(sharedFixture('cr', 'RG2_JPLL.dcm'));
    const frames = encapsulatedFrames(file.dataSet);
    assert.equal(frames.length, 1);
    assert.equal(frames[0], (file.dataSet.get(Tags.PixelData) as FragmentsElement).fragments);
  });

  it('an offset that points nowhere is an error, not a wrong frame', () => {
    assert.throws(() => encapsulatedFrames(encapsulated(u32s([0, 30, 48]))), (e: unknown) => e instanceof DicomError && e.code === 'ERR_INVALID_VALUE');
  });
});

describe('frames of native pixel data', () => {
  it('slices multi-frame data per frame', () => {
    const file = readDicomFileSync(sharedFixture('edge', 'OBXXXX1A_2frame.dcm'));
    const ds = file.dataSet;
    assert.equal(numberOfFrames(ds), 2);
    const pixels = ds.get(Tags.PixelData);
    assert.ok(pixels?.kind === 'bytes');
    const half = pixels.value.length / 2;
    assert.deepEqual(nativeFrame(ds, 1), pixels.value.subarray(half));
    assert.throws(() => nativeFrame(ds, 2), (e: unknown) => e instanceof DicomError);
  });

  it('a frame shorter than Rows x Columns x bits is an error naming the sizes', () => {
    const ds = new DataSet();
    ds.set(bytesElement(Tags.Rows, 'US', new Uint8Array([4, 0])));
    ds.set(bytesElement(Tags.Columns, 'US', new Uint8Array([4, 0])));
    ds.set(bytesElement(Tags.BitsAllocated, 'US', new Uint8Array([16, 0])));
    ds.set(bytesElement(Tags.PixelData, 'OW', new Uint8Array(30)));
    assert.throws(() => nativeFrame(ds, 0), /holds 30 bytes; frame 0 needs bytes up to 32/);
  });

  it('1-bit frames that start mid-byte are realigned', () => {
    const ds = new DataSet();
    ds.set(bytesElement(Tags.Rows, 'US', new Uint8Array([1, 0])));
    ds.set(bytesElement(Tags.Columns, 'US', new Uint8Array([3, 0])));
    ds.set(bytesElement(Tags.BitsAllocated, 'US', new Uint8Array([1, 0])));
    ds.set(bytesElement(Tags.NumberOfFrames, 'IS', encodeAscii('2')));
    ds.set(bytesElement(Tags.PixelData, 'OB', new Uint8Array([0b00101101])));
    assert.deepEqual([...nativeFrame(ds, 0)], [0b101]);
    assert.deepEqual([...nativeFrame(ds, 1)], [0b101]);
  });
});
