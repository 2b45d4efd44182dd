import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { contentOf, describeContent, sameContent } from './consensus-content.js';

const box = (label: string, x: number) => ({ label, xMin: x, yMin: x, xMax: x + 10, yMax: x + 20 });

describe('consensus content', () => {
  it('drops server row ids and editor keys, keeping order and duplicates', () => {
    const stored = { globals: ['COPD'], boxes: [{ id: 9, ...box('ILD', 1) }, { key: 'b2', ...box('ILD', 1) }] };
    assert.deepEqual(contentOf(stored), { globals: ['COPD'], boxes: [box('ILD', 1), box('ILD', 1)] });
  });

  it('compares globals as a set and boxes in order', () => {
    const a = { globals: ['COPD', 'Pneumonia'], boxes: [box('ILD', 1), box('Nodule/Mass', 5)] };
    assert.equal(sameContent(a, { ...a, globals: ['Pneumonia', 'COPD'] }), true);
    assert.equal(sameContent(a, { ...a, globals: ['COPD'] }), false);
    assert.equal(sameContent(a, { ...a, boxes: [box('ILD', 1), box('Nodule/Mass', 6)] }), false);
    assert.equal(sameContent(a, { ...a, boxes: [box('Nodule/Mass', 5), box('ILD', 1)] }), false);
  });

  it('describes a content in one line', () => {
    assert.equal(describeContent({ globals: ['COPD'], boxes: [box('ILD', 1), box('ILD', 5)] }), 'COPD · 2 boxes (ILD)');
    assert.equal(describeContent({ globals: [], boxes: [] }), 'no global label · no box');
  });
});
