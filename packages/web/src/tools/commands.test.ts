import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editorKeyAction } from './keymap.js';
import { HISTORY_LIMIT } from './history.js';
import { testEditor } from './test-editor.js';

const EXCLUSIVE = ['No finding'];

describe('editor commands', () => {
  it('deleteSelected removes the selected box; undo brings it back in place; redo removes it again', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50, 'A').drawBox(60, 60, 90, 90, 'B').drawBox(100, 100, 150, 150, 'C');
    ed.select(ed.boxes[1]!.key).deleteSelected();
    assert.deepEqual(ed.boxes.map((b) => b.label), ['A', 'C']);
    assert.equal(ed.selected, null);
    ed.undo();
    assert.deepEqual(ed.boxes.map((b) => b.label), ['A', 'B', 'C']);
    ed.redo();
    assert.deepEqual(ed.boxes.map((b) => b.label), ['A', 'C']);
  });

  it('deleteSelected with nothing selected changes nothing', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50).select(null);
    const before = ed.state;
    ed.deleteSelected();
    assert.equal(ed.state, before);
  });

  it('duplicateSelected adds an offset copy on top, selected, with a new key; back the other way at the edge', () => {
    const ed = testEditor(1000, 800).drawBox(100, 100, 200, 180, 'A');
    const a = ed.selected;
    ed.duplicateSelected();
    assert.equal(ed.boxes.length, 2);
    assert.notEqual(ed.selected, a);
    assert.equal(ed.selected, ed.boxes[1]!.key);
    assert.deepEqual(ed.rect(), [110, 110, 210, 190]);
    assert.equal(ed.boxes[1]!.label, 'A');
    ed.drawBox(950, 750, 1000, 800, 'B').duplicateSelected();
    assert.deepEqual(ed.rect(), [940, 740, 990, 790]);
    ed.undo();
    assert.equal(ed.boxes.length, 3);
  });

  it('nudgeSelected moves inside the image; consecutive nudges of one box are one undo step', () => {
    const ed = testEditor(1000, 800).drawBox(100, 100, 200, 180);
    ed.nudge(1, 0).nudge(1, 0).nudge(1, 0).nudge(0, -10);
    assert.deepEqual(ed.rect(), [103, 90, 203, 170]);
    assert.equal(ed.state.revision, 5);
    ed.undo();
    assert.deepEqual(ed.rect(), [100, 100, 200, 180]);
    ed.undo();
    assert.equal(ed.boxes.length, 0);
  });

  it('nudges of another box, or after another edit, are separate steps; a nudge at the edge is no edit', () => {
    const ed = testEditor(1000, 800).drawBox(100, 100, 200, 180, 'A').drawBox(800, 700, 1000, 800, 'B');
    const [a, b] = ed.boxes.map((x) => x.key);
    ed.select(a!).nudge(5, 0).select(b!).nudge(-5, 0);
    ed.undo();
    assert.deepEqual(ed.rect(b), [800, 700, 1000, 800]);
    assert.deepEqual(ed.rect(a), [105, 100, 205, 180]);
    const before = ed.state;
    ed.nudge(10, 10); // b is at the corner
    assert.equal(ed.state, before);
  });

  it('setLabel relabels a box (one step); chooseLabel with no pending box relabels the selected one', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50, 'A');
    const key = ed.selected!;
    ed.setLabel(key, 'B');
    assert.equal(ed.box(key).label, 'B');
    ed.chooseLabel('C');
    assert.equal(ed.box(key).label, 'C');
    assert.equal(ed.boxes.length, 1);
    ed.undo();
    assert.equal(ed.box(key).label, 'B');
    ed.undo();
    assert.equal(ed.box(key).label, 'A');
  });

  it('select changes the selection only: no revision, no undo step; an unknown key clears it', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50);
    const key = ed.selected!;
    const { revision, past } = ed.state;
    ed.select(null).select(key);
    assert.equal(ed.selected, key);
    assert.equal(ed.state.revision, revision);
    assert.equal(ed.state.past, past);
    ed.select('nope');
    assert.equal(ed.selected, null);
  });

  it('toggleHidden hides every box from drawing and hitting, clears the selection, and is no edit', () => {
    const ed = testEditor().drawBox(100, 100, 200, 200);
    const revision = ed.state.revision;
    ed.toggleHidden();
    assert.equal(ed.state.hidden, true);
    assert.equal(ed.selected, null);
    assert.equal(ed.state.revision, revision);
    ed.pointerDown(100, 150).expectPath('box.drawing').cancel();
    ed.click(150, 150);
    assert.equal(ed.selected, null);
    ed.toggleHidden();
    ed.pointerDown(100, 150).expectPath('box.moving');
  });

  it('drawing a box while hidden shows the boxes again', () => {
    const ed = testEditor().drawBox(100, 100, 200, 200).toggleHidden().drawBox(300, 300, 400, 400);
    assert.equal(ed.state.hidden, false);
  });

  it('toggleGlobal: an exclusive label clears the others, another clears the exclusive ones, boxes stay', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50);
    ed.toggleGlobal('COPD', EXCLUSIVE).toggleGlobal('Pneumonia', EXCLUSIVE);
    assert.deepEqual(ed.state.doc.globals, ['COPD', 'Pneumonia']);
    ed.toggleGlobal('No finding', EXCLUSIVE);
    assert.deepEqual(ed.state.doc.globals, ['No finding']);
    assert.equal(ed.boxes.length, 1, 'boxes are never deleted silently');
    ed.toggleGlobal('Tuberculosis', EXCLUSIVE);
    assert.deepEqual(ed.state.doc.globals, ['Tuberculosis']);
    ed.toggleGlobal('Tuberculosis', EXCLUSIVE);
    assert.deepEqual(ed.state.doc.globals, []);
    ed.undo();
    assert.deepEqual(ed.state.doc.globals, ['Tuberculosis']);
    ed.undo();
    assert.deepEqual(ed.state.doc.globals, ['No finding']);
    ed.undo();
    assert.deepEqual(ed.state.doc.globals, ['COPD', 'Pneumonia']);
  });

  it('toggleGlobal without exclusive labels just toggles', () => {
    const ed = testEditor().toggleGlobal('No finding').toggleGlobal('COPD');
    assert.deepEqual(ed.state.doc.globals, ['No finding', 'COPD']);
  });

  it('setGlobals replaces the globals (one step, duplicates dropped; the same list is no edit)', () => {
    const ed = testEditor().dispatch({ type: 'setGlobals', globals: ['COPD', 'COPD', 'Pneumonia'] });
    assert.deepEqual(ed.state.doc.globals, ['COPD', 'Pneumonia']);
    const before = ed.state;
    ed.dispatch({ type: 'setGlobals', globals: ['COPD', 'Pneumonia'] });
    assert.equal(ed.state, before);
    ed.undo();
    assert.deepEqual(ed.state.doc.globals, []);
  });

  it('addBoxes copies boxes in with new keys, ordered and clamped, as one undo step', () => {
    const ed = testEditor(1000, 800).drawBox(10, 10, 50, 50, 'Mine');
    const mine = ed.selected;
    ed.addBoxes([
      { label: 'A', xMin: 300, yMin: 200, xMax: 100, yMax: 100 },
      { label: 'B', xMin: 900, yMin: 700, xMax: 1100, yMax: 900 },
    ]);
    assert.deepEqual(ed.boxes.map((b) => b.label), ['Mine', 'A', 'B']);
    assert.deepEqual(ed.rect(ed.boxes[1]!.key), [100, 100, 300, 200]);
    assert.deepEqual(ed.rect(ed.boxes[2]!.key), [900, 700, 1000, 800]);
    assert.equal(new Set(ed.boxes.map((b) => b.key)).size, 3);
    assert.equal(ed.selected, mine, 'several boxes: the selection stays');
    ed.undo();
    assert.deepEqual(ed.boxes.map((b) => b.label), ['Mine']);
    ed.addBoxes([{ label: 'C', xMin: 1, yMin: 2, xMax: 3, yMax: 4 }]);
    assert.equal(ed.selected, ed.boxes[1]!.key, 'one box: selected');
  });

  it('undo/redo: a new edit clears the redo stack; history is bounded', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50, 'A').drawBox(60, 60, 90, 90, 'B');
    ed.undo();
    assert.equal(ed.state.future.length, 1);
    ed.drawBox(100, 100, 150, 150, 'C');
    assert.equal(ed.state.future.length, 0);
    ed.redo();
    assert.deepEqual(ed.boxes.map((b) => b.label), ['A', 'C']);
    const key = ed.boxes[0]!.key;
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) ed.setLabel(key, `L${i}`);
    assert.equal(ed.state.past.length, HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) ed.undo();
    assert.equal(ed.box(key).label, `L${49}`, 'the oldest steps were dropped');
  });

  it('revision counts document changes: edits, undo and redo; not selection, hiding or a click', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50);
    assert.equal(ed.state.revision, 1);
    ed.select(null).click(30, 30).toggleHidden().toggleHidden();
    assert.equal(ed.state.revision, 1);
    ed.undo();
    assert.equal(ed.state.revision, 2);
    ed.redo();
    assert.equal(ed.state.revision, 3);
    ed.undo().undo();
    assert.equal(ed.state.revision, 4, 'an undo with nothing to undo is no change');
  });

  it('an edit during a drag drops the drag first; undo while labelling drops only the pending box', () => {
    const ed = testEditor().drawBox(100, 100, 200, 200).drawBox(300, 300, 400, 400);
    ed.pointerDown(350, 350).pointerMove(380, 390);
    ed.undo().expectPath('box.idle');
    assert.equal(ed.boxes.length, 1);
    ed.pointerUp(380, 390);
    assert.deepEqual(ed.rect(), [100, 100, 200, 200]);
    ed.drag(500, 500, 600, 600).expectPath('box.labelling').undo().expectPath('box.idle');
    assert.equal(ed.boxes.length, 1);
  });

  it('load resets history, selection and revision, keeps keys given and gives new ones', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50);
    const generation = ed.state.generation;
    ed.load({ globals: ['COPD'], boxes: [{ key: 'b7', label: 'A', xMin: 1, yMin: 2, xMax: 3, yMax: 4 }, { label: 'B', xMin: 5, yMin: 6, xMax: 7, yMax: 8 }] }, 500, 400);
    assert.deepEqual(ed.boxes.map((b) => b.key), ['b7', 'b8']);
    assert.deepEqual(ed.state.doc.globals, ['COPD']);
    assert.equal(ed.state.revision, 0);
    assert.equal(ed.state.generation, generation + 1);
    assert.equal(ed.state.past.length, 0);
    assert.equal(ed.selected, null);
    assert.equal(ed.state.imageWidth, 500);
    ed.undo();
    assert.equal(ed.boxes.length, 2, 'nothing to undo after a load');
    ed.drawBox(100, 100, 200, 200);
    assert.equal(ed.selected, 'b9');
    ed.drawBox(450, 350, 600, 600);
    assert.deepEqual(ed.rect(), [450, 350, 500, 400], 'clamped to the loaded size');
  });
});

describe('editor keys', () => {
  const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; meta?: boolean; alt?: boolean } = {}) => ({
    key: k, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, metaKey: !!mods.meta, altKey: !!mods.alt,
  });

  it('maps the shortcuts to actions, only when they apply', () => {
    const ed = testEditor().drawBox(10, 10, 50, 50);
    const s = ed.state;
    assert.deepEqual(editorKeyAction(key('Delete'), s), { type: 'deleteSelected' });
    assert.deepEqual(editorKeyAction(key('Backspace'), s), { type: 'deleteSelected' });
    assert.deepEqual(editorKeyAction(key('z', { ctrl: true }), s), { type: 'undo' });
    assert.deepEqual(editorKeyAction(key('z', { meta: true }), s), { type: 'undo' });
    assert.deepEqual(editorKeyAction(key('Z', { ctrl: true, shift: true }), s), { type: 'redo' });
    assert.deepEqual(editorKeyAction(key('y', { ctrl: true }), s), { type: 'redo' });
    assert.deepEqual(editorKeyAction(key('d', { ctrl: true }), s), { type: 'duplicateSelected' });
    assert.deepEqual(editorKeyAction(key('Escape'), s), { type: 'cancel' });
    assert.deepEqual(editorKeyAction(key('h'), s), { type: 'toggleHidden' });
    assert.deepEqual(editorKeyAction(key('ArrowLeft'), s), { type: 'nudgeSelected', dx: -1, dy: 0 });
    assert.deepEqual(editorKeyAction(key('ArrowDown', { shift: true }), s), { type: 'nudgeSelected', dx: 0, dy: 10 });
    assert.deepEqual(editorKeyAction(key('ArrowUp'), s, 4), { type: 'nudgeSelected', dx: 0, dy: -4 });
    assert.equal(editorKeyAction(key('d'), s), null);
    assert.equal(editorKeyAction(key('z', { ctrl: true, alt: true }), s), null);
    const none = ed.select(null).state;
    assert.equal(editorKeyAction(key('Delete'), none), null);
    assert.equal(editorKeyAction(key('ArrowLeft'), none), null);
  });
});
