import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stringifyDicomJson } from './stringify.js';
import type { DicomJson } from './to-json.js';

describe('stringifyDicomJson', () => {
  it('orders attributes by tag at every level and is the same JSON as JSON.stringify', () => {
    const json: DicomJson = {
      '20100100': { vr: 'CS', Value: ['BLACK'] },
      '00080008': { vr: 'CS', Value: ['ORIGINAL', 'PRIMARY'] },
      '00081140': { vr: 'SQ', Value: [{ '40000010': { vr: 'LO' }, '00081150': { vr: 'UI', Value: ['1.2'] } }] },
    };
    const text = stringifyDicomJson(json);
    assert.deepEqual(JSON.parse(text), json);
    assert.ok(text.indexOf('"00080008"') < text.indexOf('"00081140"') && text.indexOf('"00081140"') < text.indexOf('"20100100"'));
    assert.ok(text.indexOf('"00081150"') < text.indexOf('"40000010"'));
    assert.equal(stringifyDicomJson({ '00100010': { vr: 'PN', Value: [{ Alphabetic: 'A^B' }] } }, 0), '{"00100010":{"vr":"PN","Value":[{"Alphabetic":"A^B"}]}}');
    assert.equal(stringifyDicomJson(json, 2), stringifyDicomJson(JSON.parse(JSON.stringify(json)) as DicomJson, 2));
  });
});
