import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { drawnLayers, highlightedBox, readerLayers, readerOfDigit, toggleAllReaders, toggleReader } from './overlay-model.js';

const box = (label: string, x: number) => ({ label, xMin: x, yMin: x, xMax: x + 10, yMax: x + 10 });
const READS = [
  { reader: 'R1', boxes: [box('Nodule/Mass', 1), box('ILD', 50)] },
  { reader: 'R2', boxes: [] },
  { reader: 'R3', boxes: [box('Pleural effusion', 100)] },
];

describe('overlay model', () => {
  it('draws every reader with boxes when none is hidden, coloured by their place', () => {
    const drawn = drawnLayers(readerLayers(READS, new Set()));
    assert.deepEqual(drawn.map((l) => [l.reader, l.index, l.boxes.length]), [['R1', 0, 2], ['R3', 2, 1]]);
  });

  it('a hidden reader is not drawn; toggling shows them again', () => {
    let hidden = toggleReader(new Set(), 'R3');
    assert.deepEqual(drawnLayers(readerLayers(READS, hidden)).map((l) => l.reader), ['R1']);
    hidden = toggleReader(hidden, 'R3');
    assert.deepEqual(drawnLayers(readerLayers(READS, hidden)).map((l) => l.reader), ['R1', 'R3']);
    assert.equal(readerLayers(READS, toggleReader(hidden, 'R2'))[1]!.visible, false);
  });

  it('toggle all hides everyone, then shows everyone', () => {
    const all = toggleAllReaders(READS, new Set());
    assert.deepEqual([...all].sort(), ['R1', 'R2', 'R3']);
    assert.equal(drawnLayers(readerLayers(READS, all)).length, 0);
    assert.equal(toggleAllReaders(READS, new Set(['R2'])).size, 0);
  });

  it('highlights a box only when its reader is shown and it exists', () => {
    const layers = readerLayers(READS, new Set(['R3']));
    assert.deepEqual(highlightedBox(layers, { reader: 'R1', box: 1 })?.box, READS[0]!.boxes[1]);
    assert.equal(highlightedBox(layers, { reader: 'R3', box: 0 }), undefined);
    assert.equal(highlightedBox(layers, { reader: 'R1', box: 5 }), undefined);
    assert.equal(highlightedBox(layers, null), undefined);
  });

  it('maps Shift+digit to the reader at that place', () => {
    assert.equal(readerOfDigit(READS, 1), 'R1');
    assert.equal(readerOfDigit(READS, 3), 'R3');
    assert.equal(readerOfDigit(READS, 4), undefined);
  });
});
