// box.labelling: a drawn box waits for its label (the UI shows the label popover). The chooseLabel
// command adds it; Escape (cancel) or a new press on the image drops it.
import { DRAW_CURSOR } from './cursors.js';
import { idleState } from './idle.js';
import { IDLE, type ToolNode } from './tool-node.js';

export const labellingState: ToolNode<'labelling'> = {
  mode: 'labelling',
  onPointerDown(ed, _tool, e) {
    return idleState.onPointerDown!({ ...ed, tool: IDLE }, IDLE as { mode: 'idle' }, e);
  },
  onCancel(ed) {
    return { ...ed, tool: IDLE };
  },
  cursor: () => DRAW_CURSOR,
};
