import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DicomError, type DicomErrorCode } from '../core/errors.js';
import { Tags, UNDEFINED_LENGTH } from '../core/tags.js';
import { concat, explicitLE, implicitLE, marker, part10Prefix } from '../internal/build-bytes.js';
import { sharedFixture } from '../internal/test-assets.js';
import { toDicomJson } from '../json/to-json.js';
import { parseP10, readDicomFile, readDicomFileSync } from './read.js';
import { P10Reader } from './reader.js';
import type { P10Token } from './tokens.js';
import { encodeP10 } from './write.js';

const EXPLICIT_LE = '1.2.840.10008.1.2.1';
const tmp = mkdtempSync(join(tmpdir(), 'cxrlab-reader-'));

function expectError(bytes: Uint8Array, code: DicomErrorCode, check: (e: DicomError) => void = () => {}): DicomError {
  const path = join(tmp, `case-${Math.random().toString(36).slice(2)}.dcm`);
  writeFileSync(path, bytes);
  let caught: unknown;
  try {
    readDicomFileSync(path);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DicomError, `expected a DicomError, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.file, path);
  assert.ok(caught.message.startsWith(path), 'message names the file');
  assert.equal(typeof caught.offset, 'number', 'error carries a byte offset');
  check(caught);
  return caught;
}

describe('typed errors name the file, the offset and the tag', () => {
  it('truncated inside a value', () => {
    const full = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00100010, 'PN', 'Doe^John'), explicitLE(0x00100020, 'LO', 'ID12345678'));
    const e = expectError(full.subarray(0, full.length - 4), 'ERR_INVALID_LENGTH', (err) => assert.equal(err.tag, 0x00100020));
    assert.match(e.message, /\(0010,0020\)/);
  });

  it('truncated inside an element header', () => {
    const full = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00100010, 'PN', 'Doe^John'), explicitLE(0x00100020, 'LO', 'ID12345678'));
    const cut = full.length - 10 - 8 + 5;
    expectError(full.subarray(0, cut), 'ERR_TRUNCATED', (err) => assert.equal(err.offset, full.length - 18));
  });

  it('a 4 GB length in a 1 KB file fails at once without allocating', () => {
    const bytes = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00100010, 'PN', 'Doe^John'), explicitLE(0x7fe00010, 'OB', new Uint8Array(600), 0xfffffff0));
    const before = process.memoryUsage().arrayBuffers;
    expectError(bytes, 'ERR_INVALID_LENGTH', (err) => {
      assert.equal(err.tag, Tags.PixelData);
      assert.match(err.message, /4294967280/);
    });
    assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024);
  });

  it('a sequence that never closes', () => {
    const bytes = concat(
      part10Prefix(EXPLICIT_LE),
      explicitLE(0x00081140, 'SQ', new Uint8Array(0), UNDEFINED_LENGTH),
      marker(Tags.Item, UNDEFINED_LENGTH),
      explicitLE(0x00081150, 'UI', '1.2.3.4\0'),
    );
    expectError(bytes, 'ERR_UNCLOSED_SEQUENCE', (err) => assert.match(err.message, /\(0008,1140\)/));
  });

  it('garbage that is not DICOM', () => {
    const garbage = new Uint8Array(1000).map((_, i) => (i * 7919 + 13) & 0xff);
    expectError(garbage, 'ERR_NOT_DICOM');
  });

  it('a PNG is not DICOM', () => {
    const png = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), new Uint8Array(200));
    expectError(png, 'ERR_NOT_DICOM');
  });

  it('an item where an element should be', () => {
    expectError(concat(part10Prefix(EXPLICIT_LE), marker(Tags.Item, 0)), 'ERR_UNEXPECTED_TAG');
  });

  it('an element inside a sequence where an item should be, with its data set path', () => {
    const bytes = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00081140, 'SQ', new Uint8Array(0), UNDEFINED_LENGTH), explicitLE(0x00100010, 'PN', 'Doe'));
    expectError(bytes, 'ERR_UNEXPECTED_TAG', (err) => assert.equal(err.path, '00081140/00100010'));
  });

  it('an invalid VR in an explicit VR data set', () => {
    const element = explicitLE(0x00100010, 'PN', 'Doe^John');
    element[4] = 0x3f;
    element[5] = 0x3f;
    expectError(concat(part10Prefix(EXPLICIT_LE), element), 'ERR_INVALID_VR', (err) => assert.equal(err.tag, 0x00100010));
  });

  it('an element overrunning its item', () => {
    const inner = explicitLE(0x00081150, 'UI', '1.2.3.4\0');
    const bytes = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00081140, 'SQ', new Uint8Array(0), UNDEFINED_LENGTH),
      marker(Tags.Item, inner.length - 4), inner, marker(Tags.SequenceDelimitationItem, 0));
    expectError(bytes, 'ERR_INVALID_LENGTH');
  });

  it('nesting deeper than the limit', () => {
    const depth = 100;
    const parts: Uint8Array[] = [part10Prefix(EXPLICIT_LE)];
    for (let i = 0; i < depth; i++) parts.push(explicitLE(0x00081140, 'SQ', new Uint8Array(0), UNDEFINED_LENGTH), marker(Tags.Item, UNDEFINED_LENGTH));
    expectError(concat(...parts), 'ERR_DEPTH_LIMIT');
  });

  it('a missing file', () => {
    assert.throws(() => readDicomFileSync(join(tmp, 'missing.dcm')), (e: unknown) => e instanceof DicomError && e.code === 'ERR_IO' && e.message.includes('missing.dcm'));
  });

  it('the async reader gives the same errors', async () => {
    const path = join(tmp, 'async-garbage.dcm');
    writeFileSync(path, new Uint8Array(300).fill(0xab));
    await assert.rejects(readDicomFile(path), (e: unknown) => e instanceof DicomError && e.code === 'ERR_NOT_DICOM' && e.file === path);
  });
});

describe('streaming', () => {
  it('reads the header of a 200 MB file without reading the pixel data', () => {
    // A sparse 200 MB file: header, then a Pixel Data element whose value is a hole.
    const header = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.1\0'),
      explicitLE(0x00100010, 'PN', 'Doe^John'), explicitLE(0x00280010, 'US', new Uint8Array([0x10, 0x27])));
    const pixelLength = 200 * 1024 * 1024;
    const path = join(tmp, 'big.dcm');
    writeFileSync(path, concat(header, explicitLE(0x7fe00010, 'OW', new Uint8Array(0), pixelLength)));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, header.length + 12 + pixelLength);
    closeSync(fd);
    const before = process.memoryUsage().arrayBuffers;
    const file = readDicomFileSync(path, { stopBeforePixelData: true });
    assert.ok(process.memoryUsage().arrayBuffers - before < 8 * 1024 * 1024, 'header read allocated less than 8 MB');
    assert.equal(file.info.stoppedBeforeTag, Tags.PixelData);
    assert.equal(file.info.bytesRead, header.length);
    assert.equal(file.info.bytesFetched, 16384, 'one 16 KiB read, not the 200 MB');
    assert.equal(file.dataSet.has(Tags.PixelData), false);
    assert.equal(file.dataSet.size, 3);
  });

  it('the reader asks for more data instead of guessing, and tokens carry offsets', () => {
    const bytes = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00100010, 'PN', 'Doe^John'));
    const reader = new P10Reader();
    reader.write(bytes.subarray(0, 100));
    assert.equal(reader.next(), null);
    reader.write(bytes.subarray(100), true);
    const types: string[] = [];
    for (let t = reader.next(); t; t = reader.next()) {
      types.push(t.type);
      if (t.type === 'element') assert.equal(t.offset, bytes.length - 16);
      if (t.type === 'end') break;
    }
    assert.deepEqual(types, ['preamble', 'fileMeta', 'dataSetStart', 'element', 'end'], 'a buffered value travels in its element token');
  });

  it('a value split across chunks arrives in value tokens, and the reader says how much it still wants', () => {
    const bytes = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00091001, 'OB', new Uint8Array(1000).fill(7)));
    const reader = new P10Reader();
    reader.write(bytes.subarray(0, bytes.length - 600));
    const seen: P10Token[] = [];
    for (let t = reader.next(); t; t = reader.next()) seen.push(t);
    const element = seen.find((t) => t.type === 'element');
    assert.ok(element?.type === 'element' && element.value === undefined && element.length === 1000);
    assert.deepEqual(seen.filter((t) => t.type === 'value').map((t) => t.type === 'value' && [t.bytes.length, t.last]), [[400, false]]);
    assert.equal(reader.bytesWanted, 600);
    reader.write(bytes.subarray(bytes.length - 600), true);
    const last = reader.next();
    assert.ok(last?.type === 'value' && last.last && last.bytes.length === 600 && last.bytes.every((b) => b === 7));
    assert.equal(reader.next()?.type, 'end');
  });

  it('a long header value is fetched in one read of the size it needs', () => {
    const prefix = concat(part10Prefix(EXPLICIT_LE), explicitLE(0x00281201, 'OW', new Uint8Array(300_000).fill(3)));
    const bytes = concat(prefix, explicitLE(0x7fe00010, 'OW', new Uint8Array(100_000)));
    const path = join(tmp, 'long-header.dcm');
    writeFileSync(path, bytes);
    const file = readDicomFileSync(path, { stopBeforePixelData: true });
    assert.equal(file.info.stoppedBeforeTag, Tags.PixelData);
    // 16 KiB, then exactly the rest of the LUT, then the next doubled chunk (64 KiB) to find the next
    // header; doubling blindly would have read the whole file.
    assert.equal(file.info.bytesFetched, prefix.length + 65536);
    assert.ok(file.info.bytesFetched < bytes.length);
  });

  it('the truncated MR fixture still gives its header with stopBeforePixelData', () => {
    const file = readDicomFileSync(sharedFixture('edge', 'MR_truncated.dcm'), { stopBeforePixelData: true });
    assert.equal(file.info.stoppedBeforeTag, Tags.PixelData);
    assert.ok(file.dataSet.size > 20);
  });
});

describe('encodings', () => {
  it('CP-246: a sequence sent as UN with undefined length holds implicit VR items and is written back as it came', () => {
    const item = concat(implicitLE(0x00080100, 'T-D1213 '), implicitLE(0x00080102, 'SRT '));
    const bytes = concat(
      part10Prefix(EXPLICIT_LE),
      explicitLE(0x00082218, 'UN', new Uint8Array(0), UNDEFINED_LENGTH),
      marker(Tags.Item, UNDEFINED_LENGTH), item, marker(Tags.ItemDelimitationItem, 0),
      marker(Tags.SequenceDelimitationItem, 0),
      explicitLE(0x00100010, 'PN', 'Doe^John'),
    );
    const file = parseP10(bytes);
    const json = toDicomJson(file.dataSet);
    assert.deepEqual(json['00082218'], { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: ['T-D1213'] }, '00080102': { vr: 'SH', Value: ['SRT'] } }] });
    assert.deepEqual(json['00100010'], { vr: 'PN', Value: [{ Alphabetic: 'Doe^John' }] });
    const prefix = part10Prefix(EXPLICIT_LE).length;
    assert.ok(Buffer.from(encodeP10(file, { fileMeta: false })).equals(Buffer.from(bytes.subarray(prefix))));
  });

  it('private sequences of undefined length in implicit VR are read as sequences', () => {
    const bytes = concat(
      implicitLE(0x00080016, '1.2.840.10008.5.1.4.1.1.7\0'),
      implicitLE(0x00090010, 'ACME 1.0'),
      implicitLE(0x00091001, new Uint8Array(0), UNDEFINED_LENGTH),
      marker(Tags.Item, UNDEFINED_LENGTH), implicitLE(0x00100010, 'Doe^Jane'), marker(Tags.ItemDelimitationItem, 0),
      marker(Tags.SequenceDelimitationItem, 0),
    );
    const file = parseP10(bytes);
    assert.equal(file.transferSyntax.uid, '1.2.840.10008.1.2');
    assert.equal(file.info.transferSyntaxInferred, true);
    const seq = file.dataSet.get(0x00091001);
    assert.equal(seq?.kind, 'sequence');
    assert.deepEqual(toDicomJson(file.dataSet)['00091001']?.Value, [{ '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] } }]);
    assert.ok(Buffer.from(encodeP10(file, { fileMeta: false })).equals(Buffer.from(bytes)));
  });

  it('big endian values are held little endian and written back big endian', () => {
    const be = readFileSync(sharedFixture('edge', 'MR_small_bigendian.dcm'));
    const le = readFileSync(sharedFixture('edge', 'MR_small.dcm'));
    const fromBE = parseP10(be);
    const fromLE = parseP10(le);
    for (const tag of [Tags.PixelData, Tags.Rows, 0x00280107 /* SS */, 0x00280106 /* US|SS */]) {
      const a = fromBE.dataSet.get(tag);
      const b = fromLE.dataSet.get(tag);
      assert.ok(a?.kind === 'bytes' && b?.kind === 'bytes' && Buffer.from(a.value).equals(Buffer.from(b.value)), `tag ${tag.toString(16)}`);
    }
    assert.ok(Buffer.from(encodeP10(fromBE)).equals(be));
  });
});
