// box.idle: nothing pressed. A press grabs a handle of the selected box (resizing), a box's border or
// the selected box's inside (moving), or else starts a new box (drawing).
import type { ImagePointerEvent } from '../../viewer/types.js';
import type { DocBox, EditorState, Handle } from '../editor-types.js';
import { hitTest } from '../hit-test.js';
import { HIT_TOLERANCE_PX } from '../tolerances.js';
import { DRAW_CURSOR, MOVE_CURSOR, handleCursor } from './cursors.js';
import type { ToolNode } from './tool-node.js';

/** What the pointer is over (null while boxes are hidden): for the cursor and the press. */
export function hoverAt(ed: EditorState, x: number, y: number, imagePerScreen: number) {
  if (ed.hidden) return null;
  return hitTest(ed.doc.boxes, ed.selected, x, y, HIT_TOLERANCE_PX * imagePerScreen);
}

function startResizing(ed: EditorState, box: DocBox, handle: Handle, e: ImagePointerEvent): EditorState {
  const { x, y } = e.image;
  const offsetX = handle.includes('e') ? x - box.xMax : handle.includes('w') ? x - box.xMin : 0;
  const offsetY = handle.includes('s') ? y - box.yMax : handle.includes('n') ? y - box.yMin : 0;
  return {
    ...ed,
    tool: { mode: 'resizing', key: box.key, handle, active: handle, original: box, current: box, grabX: x, grabY: y, offsetX, offsetY, dragging: false },
  };
}

export const idleState: ToolNode<'idle'> = {
  mode: 'idle',
  onPointerDown(ed, _tool, e) {
    if (e.button !== 0) return ed;
    const { x, y } = e.image;
    const hit = hoverAt(ed, x, y, e.imagePerScreen);
    if (hit) {
      const box = ed.doc.boxes[hit.index]!;
      if (hit.part === 'handle' && hit.handle) return startResizing(ed, box, hit.handle, e);
      return {
        ...ed,
        selected: box.key,
        mergeKey: null,
        tool: { mode: 'moving', key: box.key, grabX: x, grabY: y, original: box, current: box, dragging: false, wasSelected: ed.selected === box.key },
      };
    }
    return { ...ed, tool: { mode: 'drawing', startX: x, startY: y, x, y } };
  },
  cursor(_tool, hover) {
    if (!hover) return DRAW_CURSOR;
    return hover.handle ? handleCursor(hover.handle) : MOVE_CURSOR;
  },
};
