// box.resizing: the grabbed handle follows the pointer (the opposite side stays; crossing over it flips
// the box; at least 1 image px a side; inside the image); up commits it as one undo step.
import type { ImagePointerEvent } from '../../viewer/types.js';
import { resizeRect } from '../box-geometry.js';
import type { EditorState } from '../editor-types.js';
import { CLICK_TOLERANCE_PX } from '../tolerances.js';
import { handleCursor } from './cursors.js';
import { commitDraggedBox, IDLE, type ToolNode, type ToolOf, travelled } from './tool-node.js';

function follow(ed: EditorState, tool: ToolOf<'resizing'>, e: ImagePointerEvent): ToolOf<'resizing'> {
  const dragging = tool.dragging || travelled(e, tool.grabX, tool.grabY, CLICK_TOLERANCE_PX);
  if (!dragging) return tool;
  const r = resizeRect(tool.original, tool.handle, e.image.x - tool.offsetX, e.image.y - tool.offsetY, ed.imageWidth, ed.imageHeight);
  return { ...tool, dragging, current: r.box, active: r.handle };
}

export const resizingState: ToolNode<'resizing'> = {
  mode: 'resizing',
  onPointerMove(ed, tool, e) {
    const next = follow(ed, tool, e);
    return next === tool ? ed : { ...ed, tool: next };
  },
  onPointerUp(ed, tool, e) {
    const done = follow(ed, tool, e);
    return commitDraggedBox(ed, tool.key, done.current, tool.original);
  },
  onCancel(ed) {
    return { ...ed, tool: IDLE };
  },
  cursor: (tool) => handleCursor(tool.active),
};
