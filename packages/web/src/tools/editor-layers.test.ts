import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeBoxes, sameSceneKey, sceneKey, sceneOutlines, staticBoxes } from './editor-layers.js';
import type { DocBox, EditorState } from './editor-types.js';
import { initialEditor } from './editor.js';

const box = (key: string, x: number, label = 'Nodule/Mass'): DocBox => ({ key, label, xMin: x, yMin: 10, xMax: x + 50, yMax: 60 }) as DocBox;

function editor(boxes: DocBox[], patch: Partial<EditorState> = {}): EditorState {
  const ed = initialEditor();
  return { ...ed, doc: { ...ed.doc, boxes }, ...patch };
}

describe('editor layers', () => {
  const boxes = [box('a', 0), box('b', 100), box('c', 200)];

  it('the static scene holds every box but the selected one; the interactive layer that one', () => {
    const ed = editor(boxes, { selected: 'b' });
    assert.deepEqual(staticBoxes(sceneKey(ed)).map((b) => b.key), ['a', 'c']);
    assert.deepEqual(activeBoxes(ed).map((b) => b.key), ['b']);
    const none = editor(boxes);
    assert.equal(staticBoxes(sceneKey(none)), none.doc.boxes);
    assert.deepEqual(activeBoxes(none), []);
  });

  it('a drag moves the dragged box to the interactive layer at its live position, and pointer moves keep the scene', () => {
    const start = editor(boxes, { selected: 'a', tool: { mode: 'moving', key: 'c', grabX: 0, grabY: 0, original: boxes[2]!, current: boxes[2]!, dragging: false, wasSelected: false } });
    const moved = { ...boxes[2]!, xMin: 300, xMax: 350 };
    const dragging = { ...start, tool: { ...start.tool, dragging: true, current: moved } } as EditorState;
    assert.deepEqual(staticBoxes(sceneKey(start)).map((b) => b.key), ['b', 'c']);
    assert.deepEqual(staticBoxes(sceneKey(dragging)).map((b) => b.key), ['b']);
    assert.deepEqual(activeBoxes(dragging).map((b) => [b.key, b.xMin]), [['a', 0], ['c', 300]]);
    assert.equal(sameSceneKey(sceneKey(start), sceneKey(dragging)), false);
    const further = { ...dragging, tool: { ...dragging.tool, current: { ...moved, xMin: 320 } } } as EditorState;
    assert.equal(sameSceneKey(sceneKey(dragging), sceneKey(further)), true);
  });

  it('drawing a new box does not change the scene', () => {
    const idle = editor(boxes);
    const drawing = { ...idle, tool: { mode: 'drawing', startX: 1, startY: 2, x: 30, y: 40 } } as EditorState;
    assert.equal(sameSceneKey(sceneKey(idle), sceneKey(drawing)), true);
    assert.equal(sameSceneKey(sceneKey(idle), sceneKey({ ...idle, doc: { ...idle.doc } })), false);
  });

  it('hidden boxes leave both layers empty', () => {
    const ed = editor(boxes, { selected: 'a', hidden: true });
    assert.deepEqual(staticBoxes(sceneKey(ed)), []);
    assert.deepEqual(activeBoxes(ed), []);
  });

  it('outlines carry the label colours, alpha, line width and halo', () => {
    const o = sceneOutlines([box('a', 0, 'A'), box('b', 100, 'B')], { colorOf: (l) => (l === 'A' ? '#ff0000' : '#00ff00'), lineWidth: 2, halo: false });
    assert.deepEqual(o.boxes.map((b) => b.color), ['#ff0000', '#00ff00']);
    assert.equal(o.lineWidth, 2);
    assert.equal(o.halo, false);
    assert.equal(sceneOutlines([box('a', 0)], { color: '#123456', alpha: 0.5 }).boxes[0]!.alpha, 0.5);
  });
});
