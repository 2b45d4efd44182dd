// box.drawing: dragging out a new box. Up with a box at least MIN_DRAWN_BOX_PX on screen (and 1 image
// px) a side hands it to box.labelling; a smaller one was a click: it selects the topmost box under the
// press, or clears the selection.
import { rectFromPoints, rectHeight, rectWidth } from '../box-geometry.js';
import { topmostAt } from '../hit-test.js';
import { HIT_TOLERANCE_PX, MIN_BOX_SIZE, MIN_DRAWN_BOX_PX } from '../tolerances.js';
import { DRAW_CURSOR } from './cursors.js';
import { IDLE, type ToolNode } from './tool-node.js';

export const drawingState: ToolNode<'drawing'> = {
  mode: 'drawing',
  onPointerMove(ed, tool, e) {
    return { ...ed, tool: { ...tool, x: e.image.x, y: e.image.y } };
  },
  onPointerUp(ed, tool, e) {
    const box = rectFromPoints(tool.startX, tool.startY, e.image.x, e.image.y, ed.imageWidth, ed.imageHeight);
    const min = Math.max(MIN_BOX_SIZE, MIN_DRAWN_BOX_PX * e.imagePerScreen);
    if (rectWidth(box) >= min && rectHeight(box) >= min) return { ...ed, tool: { mode: 'labelling', box } };
    const i = ed.hidden ? -1 : topmostAt(ed.doc.boxes, tool.startX, tool.startY, HIT_TOLERANCE_PX * e.imagePerScreen);
    return { ...ed, tool: IDLE, selected: i >= 0 ? ed.doc.boxes[i]!.key : null, mergeKey: null };
  },
  onCancel(ed) {
    return { ...ed, tool: IDLE };
  },
  cursor: () => DRAW_CURSOR,
};
