import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { testAsset } from '../internal/test-assets.js';
import { ATTRIBUTES } from './attributes.generated.js';
import { dictionaryVR, hasAmbiguousVR, lookupKeyword, lookupTag } from './lookup.js';
import { lookupTransferSyntax, TransferSyntaxes } from './transfer-syntax.js';

const repo = resolve(testAsset(), '..', '..', '..');

describe('data dictionary', () => {
  it('the committed generated module is what the generator makes from the standard', () => {
    const out = execFileSync(process.execPath, [resolve(repo, 'scripts', 'generate-dictionary.mjs'), '--check'], { cwd: repo });
    assert.match(out.toString(), /current/);
  });

  it('holds every attribute of the standard, repeating groups apart', () => {
    const standard = JSON.parse(readFileSync(resolve(repo, '..', 'shared', 'dicom-standard', 'attributes.json'), 'utf8')) as { id: string }[];
    const exact = standard.filter((a) => !/x/i.test(a.id));
    assert.equal(ATTRIBUTES.length, exact.length);
  });

  it('looks up tags and keywords', () => {
    assert.deepEqual(lookupTag(0x00100010), { tag: 0x00100010, keyword: 'PatientName', name: "Patient's Name", vr: 'PN', vm: '1', retired: false });
    assert.equal(lookupKeyword('PatientName')?.tag, 0x00100010);
    assert.equal(lookupTag(0x00080001)?.retired, true);
    assert.equal(lookupTag(0x00280002)?.vm, '1');
  });

  it('resolves repeating groups: overlays 60xx, curves 50xx, (1000,xxx3)', () => {
    assert.equal(lookupTag(0x60000010)?.keyword, 'OverlayRows');
    assert.equal(lookupTag(0x601e3000)?.keyword, 'OverlayData');
    assert.equal(lookupTag(0x50023000)?.keyword, 'CurveData');
    assert.equal(lookupTag(0x10000013)?.keyword, 'HuffmanTableTriplet');
    assert.equal(lookupTag(0x10000125)?.keyword, 'ShiftTableTriplet');
    assert.equal(lookupTag(0x60013000), undefined, 'odd groups are private, not overlays');
  });

  it('knows group lengths and private creators', () => {
    assert.equal(lookupTag(0x00080000)?.vr, 'UL');
    assert.equal(lookupTag(0x00090010)?.keyword, 'PrivateCreator');
    assert.equal(lookupTag(0x00091001), undefined);
  });

  it('reports ambiguous VRs and picks the first for implicit reading', () => {
    assert.equal(hasAmbiguousVR(0x7fe00010), true);
    assert.equal(lookupTag(0x00280106)?.vr, 'US|SS');
    assert.equal(dictionaryVR(0x00280106), 'US');
    assert.equal(dictionaryVR(0xfffee000), undefined);
  });

  it('knows the transfer syntaxes', () => {
    assert.equal(lookupTransferSyntax('1.2.840.10008.1.2.4.90'), TransferSyntaxes.JPEG2000Lossless);
    assert.equal(lookupTransferSyntax('1.2.840.10008.1.2.2')?.littleEndian, false);
    assert.equal(lookupTransferSyntax('1.2.3'), undefined);
  });
});
