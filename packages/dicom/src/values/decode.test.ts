import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataSet } from '../data/data-set.js';
import { bytesElement, type BytesElement } from '../data/element.js';
import type { VR } from '../core/vr.js';
import { toDicomJson } from '../json/to-json.js';
import { decodeElement, elementStrings, characterSetsOf, parseNumberString } from './decode.js';
import { getNumber, getNumbers, getString, getStrings } from './accessors.js';
import { encodeAscii, encodeUID } from './encode.js';

function le(values: number[], size: 2 | 4 | 8, kind: 'u' | 'i' | 'f'): Uint8Array {
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    if (kind === 'f') (size === 4 ? view.setFloat32(i * 4, v, true) : view.setFloat64(i * 8, v, true));
    else if (size === 2) (kind === 'u' ? view.setUint16(i * 2, v, true) : view.setInt16(i * 2, v, true));
    else (kind === 'u' ? view.setUint32(i * 4, v, true) : view.setInt32(i * 4, v, true));
  });
  return out;
}

function one(tag: number, vr: VR, value: Uint8Array | string): { ds: DataSet; e: BytesElement } {
  const ds = new DataSet();
  const e = bytesElement(tag, vr, typeof value === 'string' ? encodeAscii(value) : value);
  ds.set(e);
  return { ds, e };
}

describe('values decoded per VR', () => {
  it('multi-valued strings are split and trimmed per VR', () => {
    const { ds, e } = one(0x00080008, 'CS', ' ORIGINAL\\PRIMARY \\\\AXIAL ');
    assert.deepEqual(elementStrings(ds, e), ['ORIGINAL', 'PRIMARY', '', 'AXIAL']);
    const lo = one(0x00081030, 'LO', ' Chest PA  ');
    assert.deepEqual(elementStrings(lo.ds, lo.e), [' Chest PA'], 'LO keeps leading spaces as pydicom does');
    const lt = one(0x00204000, 'LT', 'a\\b  ');
    assert.deepEqual(elementStrings(lt.ds, lt.e), ['a\\b'], 'LT is single-valued');
    const ui = one(0x00080018, 'UI', encodeUID('1.2.3'));
    assert.deepEqual(elementStrings(ui.ds, ui.e), ['1.2.3']);
  });

  it('binary numbers', () => {
    assert.deepEqual(decodeElement(...pair(one(0x00280010, 'US', le([512, 65535], 2, 'u')))), { type: 'numbers', values: [512, 65535] });
    assert.deepEqual(decodeElement(...pair(one(0x00280106, 'SS', le([-1000], 2, 'i')))), { type: 'numbers', values: [-1000] });
    assert.deepEqual(decodeElement(...pair(one(0x00181153, 'SL', le([-7, 7], 4, 'i')))), { type: 'numbers', values: [-7, 7] });
    assert.deepEqual(decodeElement(...pair(one(0x00189087, 'FD', le([0.1, -2.5], 8, 'f')))), { type: 'numbers', values: [0.1, -2.5] });
    assert.deepEqual(decodeElement(...pair(one(0x00189089, 'FL', le([0.3], 4, 'f')))), { type: 'numbers', values: [Math.fround(0.3)] });
  });

  it('IS and DS become numbers; invalid text becomes NaN (null in JSON)', () => {
    const { ds } = one(0x00280030, 'DS', '0.139\\0.139 ');
    assert.deepEqual(getNumbers(ds, 'PixelSpacing'), [0.139, 0.139]);
    assert.equal(parseNumberString('1A', 'IS'), NaN);
    assert.equal(parseNumberString('1.5', 'IS'), NaN);
    assert.equal(parseNumberString('-12', 'IS'), -12);
    assert.equal(parseNumberString('1e-3', 'DS'), 0.001);
    const bad = one(0x00280008, 'IS', '1A');
    assert.deepEqual(toDicomJson(bad.ds)['00280008'], { vr: 'IS', Value: [null] });
  });

  it('AT values are tags, SV/UV are 64-bit', () => {
    const at = one(0x00209165, 'AT', new Uint8Array([0x10, 0x00, 0x20, 0x00, 0x28, 0x00, 0x10, 0x00]));
    assert.deepEqual(toDicomJson(at.ds)['00209165'], { vr: 'AT', Value: ['00100020', '00280010'] });
    const big = new Uint8Array(16);
    new DataView(big.buffer).setBigUint64(0, 2n ** 60n, true);
    new DataView(big.buffer).setBigUint64(8, 5n, true);
    const uv = one(0x00660041, 'UV', big);
    assert.deepEqual(toDicomJson(uv.ds)['00660041'], { vr: 'UV', Value: [(2n ** 60n).toString(), 5] });
  });

  it('person names split into component groups', () => {
    const { ds } = one(0x00100010, 'PN', 'Yamada^Tarou=Y^T');
    assert.deepEqual(toDicomJson(ds)['00100010'], { vr: 'PN', Value: [{ Alphabetic: 'Yamada^Tarou', Ideographic: 'Y^T' }] });
  });

  it('empty values have no Value in JSON', () => {
    const { ds } = one(0x00100010, 'PN', '');
    assert.deepEqual(toDicomJson(ds)['00100010'], { vr: 'PN' });
  });

  it('Specific Character Set is inherited by items', () => {
    const parent = new DataSet();
    parent.set(bytesElement(0x00080005, 'CS', encodeAscii('ISO_IR 192')));
    const item = new DataSet(parent);
    item.set(bytesElement(0x00100010, 'PN', new TextEncoder().encode('Nguyễn^Văn')));
    assert.deepEqual(characterSetsOf(item), ['ISO_IR 192']);
    assert.equal(getString(item, 'PatientName'), 'Nguyễn^Văn');
    assert.deepEqual(getStrings(item, 0x00100020), []);
    assert.equal(getNumber(item, 'Rows'), undefined);
  });
});

function pair(x: { ds: DataSet; e: BytesElement }): [DataSet, BytesElement] {
  return [x.ds, x.e];
}
