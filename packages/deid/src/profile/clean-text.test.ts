import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanText } from './clean-text.js';
import { identifyingWords } from './identifying-words.js';
import { dataSet, sequence, text } from './internal/test-data.js';

describe('cleanText', () => {
  const words = new Set(['doe', 'john', 'acme']);

  it('masks words equal to identifying values, whatever their case, keeping the length', () => {
    assert.equal(cleanText('CHEST PA for John DOE at Acme', words), 'CHEST PA for XXXX XXX at XXXX');
    assert.equal(cleanText('Johnson', words), 'Johnson', 'only whole words');
  });

  it('masks date-like tokens and runs of five or more digits', () => {
    assert.equal(cleanText('seen 2021-03-04 and 4/3/21, ref 1234567, 1234 ok', new Set()), 'seen XXXXXXXXXX and XXXXXX, ref XXXXXXX, 1234 ok');
    assert.equal(cleanText('born 19800102', new Set()), 'born XXXXXXXX');
  });
});

describe('identifyingWords', () => {
  it('collects the words of names, ids, dates and institutions at any depth, leaving out single letters', () => {
    const ds = dataSet([
      text(0x00100010, 'PN', 'Doe^John^Q'),
      text(0x00100020, 'LO', 'PID-778'),
      text(0x00080080, 'LO', 'Acme General'),
      text(0x00081030, 'LO', 'not identifying'),
      sequence(0x00101002, [[text(0x00100020, 'LO', 'OTHER42')]]),
    ]);
    assert.deepEqual([...identifyingWords(ds)].sort(), ['778', 'acme', 'doe', 'general', 'john', 'other42', 'pid']);
  });
});
