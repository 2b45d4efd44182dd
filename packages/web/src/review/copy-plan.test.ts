import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyPlan, nothingToCopy } from './copy-plan.js';

const box = (label: string, x: number) => ({ label, xMin: x, yMin: x, xMax: x + 10, yMax: x + 10 });
const READ = { globals: ['Pneumonia', 'COPD'], boxes: [box('ILD', 1), box('Nodule/Mass', 50)] };

describe('copy plan', () => {
  it('counts only boxes and globals the consensus lacks', () => {
    assert.deepEqual(copyPlan({ globals: [], boxes: [] }, READ, {}), { boxes: 2, globals: 0 });
    assert.deepEqual(copyPlan({ globals: ['COPD'], boxes: [box('ILD', 1)] }, READ, { globals: true }), { boxes: 1, globals: 1 });
    assert.deepEqual(copyPlan({ globals: [], boxes: [box('ILD', 1)] }, READ, { boxIndex: 0 }), { boxes: 0, globals: 0 });
    assert.deepEqual(copyPlan({ globals: [], boxes: [box('ILD', 2)] }, READ, { boxIndex: 0 }), { boxes: 1, globals: 0 }, 'a moved box is another box');
  });

  it('says why nothing is copied', () => {
    assert.equal(nothingToCopy('R3', { globals: ['COPD'], boxes: [] }, {}), 'Nothing to copy: R3 drew no box.');
    assert.equal(nothingToCopy('R1', READ, {}), "Nothing to copy: R1's boxes are already in the consensus.");
    assert.equal(nothingToCopy('R1', READ, { boxIndex: 1 }), "Nothing to copy: R1's box 2 is already in the consensus.");
  });
});
