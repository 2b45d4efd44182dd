import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeAscii, type VR } from '@cxrlab/dicom';
import { DUMMY_TEXT, dummyValue } from './dummy-value.js';

/** PS3.5 Table 6.2-1: the form and maximum length of each text VR's values. */
const VALID: Partial<Record<VR, [RegExp, number]>> = {
  AE: [/^[^\\\x00-\x1f]+$/, 16], CS: [/^[A-Z0-9 _]+$/, 16], SH: [/^[^\\]+$/, 16], LO: [/^[^\\]+$/, 64],
  PN: [/^[^\\]+$/, 64], ST: [/./, 1024], LT: [/./, 10240], UT: [/./, 1e9], UC: [/./, 1e9], UR: [/^\S+$/, 1e9],
  DA: [/^\d{4}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/, 8], TM: [/^([01]\d|2[0-3])[0-5]\d[0-5]\d$/, 16],
  DT: [/^\d{8}([01]\d|2[0-3])[0-5]\d[0-5]\d$/, 26], AS: [/^\d{3}[DWMY]$/, 4], IS: [/^[+-]?\d+$/, 12], DS: [/^[+-]?\d+(\.\d+)?$/, 16],
};

describe('dummyValue', () => {
  it('gives every text VR a value valid for it, padded to even length', () => {
    for (const [vr, [form, max]] of Object.entries(VALID) as [VR, [RegExp, number]][]) {
      const bytes = dummyValue(vr, 3)!;
      assert.equal(bytes.length % 2, 0, vr);
      const text = decodeAscii(bytes).replace(/ $/, '');
      assert.equal(text, DUMMY_TEXT[vr], vr);
      assert.match(text, form, vr);
      assert.ok(text.length <= max, vr);
    }
  });

  it('zero-fills binary and numeric VRs, keeping their length', () => {
    for (const vr of ['OB', 'OW', 'UN', 'US', 'SS', 'UL', 'FL', 'FD', 'AT', 'OF'] as VR[]) {
      const bytes = dummyValue(vr, 8)!;
      assert.deepEqual([...bytes], [0, 0, 0, 0, 0, 0, 0, 0], vr);
    }
  });

  it('leaves UI and SQ to the caller', () => {
    assert.equal(dummyValue('UI', 10), undefined);
    assert.equal(dummyValue('SQ', 0), undefined);
  });
});
