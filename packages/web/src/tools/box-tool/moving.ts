// box.moving: a box follows the pointer (kept inside the image) once it travelled CLICK_TOLERANCE_PX;
// up commits the move as one undo step. Up before that was a click: on the box that was already
// selected, it selects the topmost smaller box under the pointer (one drawn inside it), if any.
import type { ImagePointerEvent } from '../../viewer/types.js';
import { moveRect, rectArea } from '../box-geometry.js';
import type { EditorState } from '../editor-types.js';
import { inRect } from '../hit-test.js';
import { CLICK_TOLERANCE_PX, HIT_TOLERANCE_PX } from '../tolerances.js';
import { MOVE_CURSOR } from './cursors.js';
import { commitDraggedBox, IDLE, type ToolNode, type ToolOf, travelled } from './tool-node.js';

function follow(ed: EditorState, tool: ToolOf<'moving'>, e: ImagePointerEvent): ToolOf<'moving'> {
  const dragging = tool.dragging || travelled(e, tool.grabX, tool.grabY, CLICK_TOLERANCE_PX);
  if (!dragging) return tool;
  const current = moveRect(tool.original, e.image.x - tool.grabX, e.image.y - tool.grabY, ed.imageWidth, ed.imageHeight);
  return { ...tool, dragging, current };
}

/** The key of the topmost box under (x, y), smaller than `tool.original`, other than it; null when none. */
function boxInside(ed: EditorState, tool: ToolOf<'moving'>, x: number, y: number, tol: number): string | null {
  const area = rectArea(tool.original);
  const boxes = ed.doc.boxes;
  for (let i = boxes.length - 1; i >= 0; i--) {
    const b = boxes[i]!;
    if (b.key !== tool.key && inRect(b, x, y, tol) && rectArea(b) < area) return b.key;
  }
  return null;
}

export const movingState: ToolNode<'moving'> = {
  mode: 'moving',
  onPointerMove(ed, tool, e) {
    const next = follow(ed, tool, e);
    return next === tool ? ed : { ...ed, tool: next };
  },
  onPointerUp(ed, tool, e) {
    const done = follow(ed, tool, e);
    if (!done.dragging) {
      const inner = tool.wasSelected ? boxInside(ed, tool, e.image.x, e.image.y, HIT_TOLERANCE_PX * e.imagePerScreen) : null;
      return { ...ed, tool: IDLE, selected: inner ?? tool.key };
    }
    return commitDraggedBox(ed, tool.key, done.current, tool.original);
  },
  onCancel(ed) {
    return { ...ed, tool: IDLE };
  },
  cursor: () => MOVE_CURSOR,
};
