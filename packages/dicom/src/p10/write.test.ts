import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DicomError } from '../core/errors.js';
import { Tags } from '../core/tags.js';
import { tagHex } from '../core/tag.js';
import { CONVERTIBLE, UNCOMPRESSED, comparableJson, valueByteDifferences } from '../internal/conversion-cases.js';
import { TransferSyntaxes } from '../dictionary/transfer-syntax.js';
import { IMPLEMENTATION_CLASS_UID } from '../dictionary/sop-class.js';
import { sharedFixture } from '../internal/test-assets.js';
import { toDicomJson } from '../json/to-json.js';
import { getString, getNumber } from '../values/accessors.js';
import { parseP10, readDicomFileSync } from './read.js';
import { encodeP10, encodeP10Chunks, writeDicomFile, writeDicomFileSync } from './write.js';
import { DataSet } from '../data/data-set.js';
import { bytesElement, sequenceElement } from '../data/element.js';
import { encodeAscii } from '../values/encode.js';

const tmp = mkdtempSync(join(tmpdir(), 'cxrlab-write-'));

describe('writing in every uncompressed transfer syntax', () => {
  for (const name of CONVERTIBLE) {
    for (const ts of UNCOMPRESSED) {
      it(`${name} as ${ts.name}`, () => {
        const original = readDicomFileSync(sharedFixture(name));
        const bytes = encodeP10(original, { transferSyntaxUID: ts.uid });
        const back = parseP10(bytes);
        assert.equal(back.transferSyntax.uid, ts.uid);
        assert.equal(back.info.transferSyntaxInferred, false);
        assert.deepStrictEqual(comparableJson(toDicomJson(back.dataSet), !ts.explicitVR), comparableJson(toDicomJson(original.dataSet), !ts.explicitVR));
        assert.deepEqual(valueByteDifferences(back.dataSet, original.dataSet), []);
        // Written back in the syntax it was read in, it is the same file again.
        assert.ok(Buffer.from(encodeP10(back)).equals(Buffer.from(bytes)));
      });
    }
  }

  it('refuses to write encapsulated pixel data in a native syntax', () => {
    const file = readDicomFileSync(sharedFixture('cr', 'RG2_JPLL.dcm'));
    assert.throws(() => encodeP10(file, { transferSyntaxUID: TransferSyntaxes.ExplicitVRLittleEndian.uid }),
      (e: unknown) => e instanceof DicomError && e.code === 'ERR_UNSUPPORTED' && e.tag === Tags.PixelData);
  });

  it('refuses a value too long for an explicit VR short header', () => {
    const file = readDicomFileSync(sharedFixture('edge', 'MR_small.dcm'));
    file.dataSet.set({ kind: 'bytes', tag: 0x00104000, vr: 'LT', value: new Uint8Array(70000).fill(0x41) });
    assert.throws(() => encodeP10(file), (e: unknown) => e instanceof DicomError && e.code === 'ERR_INVALID_VALUE' && e.tag === 0x00104000);
  });
});

describe('file meta', () => {
  it('a bare data set written as Part 10 gets a complete meta from its own SOP Class and Instance', () => {
    const bare = readDicomFileSync(sharedFixture('cr', 'CR-MONO1-10-chest.dcm'));
    assert.equal(bare.fileMeta, undefined);
    const bytes = encodeP10(bare, { transferSyntaxUID: TransferSyntaxes.ExplicitVRLittleEndian.uid });
    assert.equal(Buffer.from(bytes.subarray(128, 132)).toString('latin1'), 'DICM');
    const back = parseP10(bytes);
    const meta = back.fileMeta!;
    assert.equal(getString(meta, Tags.MediaStorageSOPClassUID), getString(bare.dataSet, Tags.SOPClassUID));
    assert.equal(getString(meta, Tags.MediaStorageSOPInstanceUID), getString(bare.dataSet, Tags.SOPInstanceUID));
    assert.equal(getString(meta, Tags.TransferSyntaxUID), TransferSyntaxes.ExplicitVRLittleEndian.uid);
    assert.equal(getString(meta, Tags.ImplementationClassUID), IMPLEMENTATION_CLASS_UID);
    // The group length counts exactly the meta elements after it.
    const groupLength = getNumber(meta, Tags.FileMetaInformationGroupLength)!;
    assert.equal(132 + 12 + groupLength, back.info.bytesRead - (back.info.bytesRead - metaEnd(bytes)));
    assert.equal(new DataView(bytes.buffer, bytes.byteOffset).getUint16(144 + groupLength, true), 0x0008, 'data set starts right after the meta');
  });

  it('changing the transfer syntax keeps the rest of the meta and updates the UID', () => {
    const file = readDicomFileSync(sharedFixture('edge', 'CT_small.dcm'));
    const back = parseP10(encodeP10(file, { transferSyntaxUID: TransferSyntaxes.ImplicitVRLittleEndian.uid }));
    const before = toDicomJson(file.fileMeta!);
    const after = toDicomJson(back.fileMeta!);
    assert.deepEqual(after['00020010']?.Value, [TransferSyntaxes.ImplicitVRLittleEndian.uid]);
    for (const key of Object.keys(before)) {
      if (key !== '00020000' && key !== '00020010') assert.deepEqual(after[key], before[key], tagHex(parseInt(key, 16)));
    }
  });
});

function metaEnd(bytes: Uint8Array): number {
  return 144 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(140, true);
}

describe('atomic file writes', () => {
  it('replaces the target in one step and leaves no temporary file', async () => {
    const file = readDicomFileSync(sharedFixture('edge', 'MR_small.dcm'));
    const target = join(tmp, 'out.dcm');
    writeFileSync(target, 'old contents');
    writeDicomFileSync(target, file);
    assert.ok(readFileSync(target).equals(readFileSync(sharedFixture('edge', 'MR_small.dcm'))));
    await writeDicomFile(target, file, { durable: false });
    assert.ok(readFileSync(target).equals(readFileSync(sharedFixture('edge', 'MR_small.dcm'))));
    assert.deepEqual(readdirSync(tmp).filter((f) => f.includes('.tmp')), []);
  });

  it('writes files of more chunks than one writev takes, sync and async alike', async () => {
    const file = readDicomFileSync(sharedFixture('edge', 'MR_small.dcm'));
    const items = Array.from({ length: 1500 }, (_, i) => {
      const ds = new DataSet(file.dataSet);
      ds.set(bytesElement(0x00090010, 'LO', encodeAscii('CXRLAB TEST')));
      ds.set(bytesElement(0x00091001, 'OB', new Uint8Array(2000).fill(i & 0xff)));
      return { dataSet: ds, undefinedLength: i % 2 === 0 };
    });
    file.dataSet.set(sequenceElement(0x00081140, items, false));
    const expected = Buffer.from(encodeP10(file));
    assert.ok(encodeP10Chunks(file).length > 1024);
    const a = join(tmp, 'many-sync.dcm');
    const b = join(tmp, 'many-async.dcm');
    writeDicomFileSync(a, file, { durable: false });
    await writeDicomFile(b, file, { durable: false });
    assert.ok(readFileSync(a).equals(expected));
    assert.ok(readFileSync(b).equals(expected));
    assert.equal((readDicomFileSync(b).dataSet.get(0x00081140) as { items: unknown[] }).items.length, 1500);
  });

  it('a failed write names the file, leaves nothing behind and never touches the input', async () => {
    const input = sharedFixture('edge', 'MR_small.dcm');
    const before = readFileSync(input);
    const file = readDicomFileSync(input);
    const target = join(tmp, 'no-such-dir', 'out.dcm');
    assert.throws(() => writeDicomFileSync(target, file), (e: unknown) => e instanceof DicomError && e.code === 'ERR_IO' && e.file === target);
    await assert.rejects(writeDicomFile(target, file), (e: unknown) => e instanceof DicomError && e.code === 'ERR_IO');
    assert.equal(existsSync(join(tmp, 'no-such-dir')), false);
    assert.ok(readFileSync(input).equals(before));
  });
});
