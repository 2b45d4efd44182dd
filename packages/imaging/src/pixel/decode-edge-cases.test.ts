// Stored-value rules (docs/imaging.md) on synthetic data sets, and bad input: every failure is a
// DicomError naming its reason, never a silent (black, grey or stale) image.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSet, DicomError, Tags, bytesElement, readDicomFileSync, type DicomErrorCode, type VR } from '@cxrlab/dicom';
import { initCodecs } from '../codecs/registry.js';
import { sharedFixture, testAsset } from '../internal/test-assets.js';
import { decodeFrame, decodeFrameSync, type PixelSource } from './decode-frame.js';

const LE = '1.2.840.10008.1.2.1';

const text = (tag: number, vr: VR, s: string) => bytesElement(tag, vr, new TextEncoder().encode(s.length % 2 ? `${s} ` : s));
const us = (tag: number, v: number) => bytesElement(tag, 'US', new Uint8Array([v & 0xff, v >> 8]));
const words16 = (values: number[]) => new Uint8Array(Uint16Array.from(values, (v) => v & 0xffff).buffer);
const words32 = (values: number[]) => new Uint8Array(Uint32Array.from(values, (v) => v >>> 0).buffer);

interface Image { rows: number; columns: number; bits: number; stored?: number; high?: number; signed?: boolean; samples?: number; planar?: boolean; frames?: number }

function native(o: Image, pixels: Uint8Array, transferSyntaxUID = LE): PixelSource {
  const ds = new DataSet();
  const stored = o.stored ?? o.bits;
  ds.set(us(Tags.SamplesPerPixel, o.samples ?? 1));
  ds.set(text(Tags.PhotometricInterpretation, 'CS', (o.samples ?? 1) === 3 ? 'RGB' : 'MONOCHROME2'));
  if (o.samples === 3) ds.set(us(0x00280006, o.planar ? 1 : 0));
  if (o.frames) ds.set(text(Tags.NumberOfFrames, 'IS', String(o.frames)));
  ds.set(us(Tags.Rows, o.rows)).set(us(Tags.Columns, o.columns)).set(us(Tags.BitsAllocated, o.bits));
  ds.set(us(Tags.BitsStored, stored)).set(us(Tags.HighBit, o.high ?? stored - 1)).set(us(Tags.PixelRepresentation, o.signed ? 1 : 0));
  ds.set(bytesElement(Tags.PixelData, o.bits > 8 ? 'OW' : 'OB', pixels));
  return { dataSet: ds, transferSyntaxUID };
}

const values = (source: PixelSource, frame = 0) => Array.from(decodeFrameSync(source, frame).data);

function isError(code: DicomErrorCode, message: RegExp) {
  return (e: unknown) => e instanceof DicomError && e.code === code && message.test(e.message);
}

describe('stored values', () => {
  it('Bits Stored 12 of 16: bits 12-15 (garbage, overlays) are masked off', () => {
    const frame = decodeFrameSync(native({ rows: 1, columns: 4, bits: 16, stored: 12 }, words16([0x0123, 0xf123, 0xa0ff, 0x1fff])));
    assert.ok(frame.data instanceof Uint16Array);
    assert.deepEqual(Array.from(frame.data), [0x123, 0x123, 0x0ff, 0xfff]);
  });

  it('a high bit set in a single sample is found wherever it lies: either half of a 32-bit pair, or a last unpaired sample', () => {
    for (const at of [0, 1, 6, 7, 8]) {
      const words = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((v, i) => (i === at ? v | 0x4000 : v));
      assert.deepEqual(values(native({ rows: 3, columns: 3, bits: 16, stored: 12 }, words16(words))), [1, 2, 3, 4, 5, 6, 7, 8, 9], `sample ${at}`);
    }
    // a frame that starts at an odd 16-bit offset (not 32-bit aligned): the sample-by-sample path
    const offset = new Uint8Array(2 + 9 * 2);
    offset.set(words16([1, 2, 3, 4, 5, 6, 7, 8, 9 | 0x8000]), 2);
    const source = native({ rows: 3, columns: 3, bits: 16, stored: 12 }, offset.subarray(2));
    assert.deepEqual(values(source), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('signed 12-bit values are sign-extended from bit 11, whatever bits 12-15 hold', () => {
    const frame = decodeFrameSync(native({ rows: 1, columns: 6, bits: 16, stored: 12, signed: true }, words16([0x07ff, 0x0800, 0x0fff, 0xf001, 0x0000, 0xf800])));
    assert.ok(frame.data instanceof Int16Array);
    assert.deepEqual(Array.from(frame.data), [2047, -2048, -1, 1, 0, -2048]);
  });

  it('High Bit above Bits Stored - 1: the Bits Stored bits ending at High Bit are the value', () => {
    assert.deepEqual(values(native({ rows: 1, columns: 3, bits: 16, stored: 12, high: 15 }, words16([0xfff0, 0x1230, 0x123f]))), [4095, 0x123, 0x123]);
    assert.deepEqual(values(native({ rows: 1, columns: 2, bits: 16, stored: 12, high: 15, signed: true }, words16([0x8000, 0x7ff5]))), [-2048, 2047]);
  });

  it('Bits Allocated 1 unpacks LSB first, frames on bit (not byte) boundaries', () => {
    const bits = [1, 0, 0, 1, 1, 0, 1, 0, 1, /* frame 1 */ 0, 1, 1, 1, 0, 0, 0, 0, 1];
    const packed = new Uint8Array(3);
    bits.forEach((b, i) => { packed[i >> 3]! |= b << (i & 7); });
    const source = native({ rows: 3, columns: 3, bits: 1, frames: 2 }, packed);
    assert.ok(decodeFrameSync(source).data instanceof Uint8Array);
    assert.deepEqual(values(source, 0), bits.slice(0, 9));
    assert.deepEqual(values(source, 1), bits.slice(9));
  });

  it('32-bit unsigned, signed and signed 24-in-32', () => {
    const u = decodeFrameSync(native({ rows: 1, columns: 4, bits: 32 }, words32([0, 1, 0xffffffff, 0x80000000])));
    assert.ok(u.data instanceof Uint32Array);
    assert.deepEqual(Array.from(u.data), [0, 1, 0xffffffff, 0x80000000]);
    const s = decodeFrameSync(native({ rows: 1, columns: 3, bits: 32, signed: true }, words32([-1, -2147483648, 2147483647])));
    assert.ok(s.data instanceof Int32Array);
    assert.deepEqual(Array.from(s.data), [-1, -2147483648, 2147483647]);
    assert.deepEqual(values(native({ rows: 1, columns: 2, bits: 32, stored: 24, signed: true }, words32([0x00800000, 0xff7fffff]))), [-8388608, 8388607]);
  });

  it('Planar Configuration 1 RGB comes out interleaved (8 and 16 bits)', () => {
    const planes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const interleaved = [1, 5, 9, 2, 6, 10, 3, 7, 11, 4, 8, 12];
    assert.deepEqual(values(native({ rows: 2, columns: 2, bits: 8, samples: 3, planar: true }, Uint8Array.from(planes))), interleaved);
    assert.deepEqual(values(native({ rows: 2, columns: 2, bits: 16, samples: 3, planar: true }, words16(planes.map((v) => v * 1000)))), interleaved.map((v) => v * 1000));
  });

  it('frame k of a multi-frame image is the k-th block of bytes; a missing frame names the count', () => {
    const source = native({ rows: 2, columns: 2, bits: 16, frames: 3 }, words16([0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23]));
    assert.deepEqual([0, 1, 2].map((k) => values(source, k)), [[0, 1, 2, 3], [10, 11, 12, 13], [20, 21, 22, 23]]);
    assert.throws(() => decodeFrameSync(source, 3), isError('ERR_INVALID_VALUE', /frame 3 does not exist \(the image has 3 frames/));
    assert.throws(() => decodeFrameSync(source, -1), isError('ERR_INVALID_VALUE', /has 3 frames/));
  });
});

describe('bad native input', () => {
  it('a frame shorter than Rows x Columns x Bits Allocated is ERR_TRUNCATED', () => {
    assert.throws(() => decodeFrameSync(native({ rows: 4, columns: 4, bits: 16 }, new Uint8Array(30))), isError('ERR_TRUNCATED', /holds 30 bytes/));
  });

  it('missing Rows', () => {
    const source = native({ rows: 2, columns: 2, bits: 8 }, new Uint8Array(4));
    source.dataSet.delete(Tags.Rows);
    assert.throws(() => decodeFrameSync(source), isError('ERR_INVALID_VALUE', /Rows is missing/));
  });

  it('unknown and unsupported transfer syntaxes are ERR_UNSUPPORTED', async () => {
    const fragments = (uid: string): PixelSource => {
      const source = native({ rows: 2, columns: 2, bits: 8 }, new Uint8Array(0), uid);
      source.dataSet.set({ kind: 'fragments', tag: Tags.PixelData, vr: 'OB', offsetTable: new Uint8Array(0), fragments: [new Uint8Array(8)] });
      return source;
    };
    await assert.rejects(decodeFrame(fragments('1.2.840.10008.1.2.4.100')), isError('ERR_UNSUPPORTED', /no decoder for transfer syntax 1\.2\.840\.10008\.1\.2\.4\.100/));
    await assert.rejects(decodeFrame(fragments('1.2.3.4.5.6')), isError('ERR_UNSUPPORTED', /no decoder for transfer syntax 1\.2\.3\.4\.5\.6/));
    // Native bytes in a private syntax (e.g. GE's big endian 1.2.840.113619.5.2) are not guessed at.
    assert.throws(() => decodeFrameSync(native({ rows: 2, columns: 2, bits: 16 }, new Uint8Array(8), '1.2.840.113619.5.2')), isError('ERR_UNSUPPORTED', /unknown transfer syntax 1\.2\.840\.113619\.5\.2/));
  });
});

/** Frame 0 of a fixture with its codestream passed through `damage`. */
function damaged(path: string, damage: (codestream: Uint8Array) => Uint8Array): PixelSource {
  const file = readDicomFileSync(path);
  const pixels = file.dataSet.get(Tags.PixelData);
  if (pixels?.kind !== 'fragments') throw new Error(`${path} is not encapsulated`);
  const codestream = Uint8Array.from(Buffer.concat(pixels.fragments));
  file.dataSet.set({ ...pixels, offsetTable: new Uint8Array(0), fragments: [damage(codestream)] });
  return { dataSet: file.dataSet, transferSyntaxUID: file.transferSyntax.uid };
}
const cut = (keep: number) => (c: Uint8Array) => c.subarray(0, Math.floor(c.length * keep));
const overwrite = (from: number, count: number, value: number) => (c: Uint8Array) => c.fill(value, from, from + count);
const zeroFrom = (from: number) => (c: Uint8Array) => c.fill(0, from, c.length - 2); // keeps the end marker

describe('corrupt codestreams are DicomErrors, never a silent image', () => {
  before(() => initCodecs());
  const j2k = sharedFixture('cr', 'RG2_J2KR.dcm');
  const cases: [string, string, (c: Uint8Array) => Uint8Array, RegExp][] = [
    ['JPEG 2000 cut in half', j2k, cut(0.5), /EOC marker \(FFD9\): truncated/],
    ['JPEG 2000 without its last 2 bytes', j2k, (c) => c.subarray(0, c.length - 2), /EOC marker/],
    ['JPEG 2000 SIZ overwritten', j2k, overwrite(2, 40, 0x55), /JPEG 2000 codestream could not be decoded \(OpenJPEG: \[ERROR\]/],
    ['JPEG-LS cut in half (CharLS alone takes ~10 s to fail)', sharedFixture('cr', 'RG2_JLSL.dcm'), cut(0.5), /JPEG-LS stream does not end with an EOI marker/],
    ['JPEG-LS with 2000 bytes overwritten', sharedFixture('edge', 'MR_small_jpeg_ls_lossless.dcm'), overwrite(1000, 2000, 0xff), /JPEG-LS stream could not be decoded/],
    ['JPEG-LS header overwritten', sharedFixture('edge', 'MR_small_jpeg_ls_lossless.dcm'), overwrite(2, 30, 0x55), /JPEG-LS stream could not be decoded/],
    ['JPEG lossless cut short', sharedFixture('edge', 'JPEG-LL.dcm'), cut(0.9), /EOI marker \(FFD9\): truncated/],
    ['JPEG 12-bit cut short', sharedFixture('edge', 'JPEG-lossy.dcm'), cut(0.1), /EOI marker/],
    ['JPEG baseline cut short', sharedFixture('edge', 'SC_rgb_jpeg_dcmtk.dcm'), cut(0.6), /libjpeg-turbo: JPEG stream does not end with an EOI/],
    ['HTJ2K cut short', testAsset('htj2k', 'MR_small_signed16.dcm'), cut(0.7), /HTJ2K codestream does not end with an EOC/],
    ['RLE header with the wrong segment count', sharedFixture('edge', 'MR_small_RLE.dcm'), (c) => { c[0] = 3; return c; }, /RLE header lists 3 segments; 1 sample\(s\) of 16 bits need 2/],
  ];
  for (const [what, path, damage, reason] of cases) {
    it(what, async () => {
      await assert.rejects(decodeFrame(damaged(path, damage)), isError('ERR_INVALID_VALUE', reason));
    });
  }

  const smallJ2k = sharedFixture('edge', 'MR_small_jp2klossless.dcm');
  it('a JPEG 2000 frame whose size differs from Rows/Columns', async () => {
    const source = damaged(smallJ2k, (c) => c);
    source.dataSet.set(us(Tags.Rows, 60));
    await assert.rejects(decodeFrame(source), isError('ERR_INVALID_VALUE', /JPEG 2000 frame is 64x64x1 but the header says 64x60x1/));
  });

  it('a failed JPEG 2000 decode never hands back the previous frame (the OpenJPEG wrapper keeps it)', async () => {
    assert.equal((await decodeFrame(damaged(smallJ2k, (c) => c))).rows, 64);
    await assert.rejects(decodeFrame(damaged(smallJ2k, overwrite(2, 40, 0x55))), isError('ERR_INVALID_VALUE', /OpenJPEG: \[ERROR\]/));
  });

  // Known gaps (reported, not hidden): with the end marker intact, JPEG 2000 / HTJ2K / JPEG
  // lossless have no checksum, and the codecs return wrong pixels silently (HTJ2K: flat grey 512).
  const gaps: [string, string, (c: Uint8Array) => Uint8Array][] = [
    ['JPEG 2000 with its packet data zeroed', j2k, zeroFrom(200)],
    ['HTJ2K with its packet data zeroed', testAsset('htj2k', 'RG3_crop_mono1_10bit.dcm'), zeroFrom(200)],
    ['JPEG lossless with 2000 bytes zeroed', sharedFixture('edge', 'JPEG-LL.dcm'), overwrite(50000, 2000, 0)],
  ];
  for (const [what, path, damage] of gaps) {
    it(what, { todo: 'decoded silently: the codestream has no checksum to catch it' }, async () => {
      await assert.rejects(decodeFrame(damaged(path, damage)), DicomError);
    });
  }
});
