// The box tool: its states (one file each), the pointer dispatch, the active path and the cursor.
import type { ImagePointerEvent } from '../../viewer/types.js';
import type { BoxToolMode, BoxToolState, EditorState } from '../editor-types.js';
import type { BoxHit } from '../hit-test.js';
import { drawingState } from './drawing.js';
import { idleState } from './idle.js';
import { labellingState } from './labelling.js';
import { movingState } from './moving.js';
import { resizingState } from './resizing.js';
import type { ToolNode, ToolOf } from './tool-node.js';

export { hoverAt } from './idle.js';
export { handleCursor } from './cursors.js';

const NODES: { [M in BoxToolMode]: ToolNode<M> } = {
  idle: idleState,
  drawing: drawingState,
  labelling: labellingState,
  moving: movingState,
  resizing: resizingState,
};

function nodeOf<M extends BoxToolMode>(tool: ToolOf<M>): ToolNode<M> {
  return NODES[tool.mode as M];
}

/** The active state as a path: 'box.idle', 'box.drawing', 'box.labelling', 'box.moving', 'box.resizing'. */
export function toolPath(state: EditorState | BoxToolState): string {
  const tool = 'tool' in state ? state.tool : state;
  return `box.${tool.mode}`;
}

/** The box tool's reaction to a pointer event. */
export function boxToolPointer(ed: EditorState, e: ImagePointerEvent): EditorState {
  const tool = ed.tool as ToolOf<BoxToolMode>;
  const node = nodeOf(tool) as ToolNode<BoxToolMode>;
  switch (e.type) {
    case 'down': return node.onPointerDown ? node.onPointerDown(ed, tool, e) : ed;
    case 'move': return node.onPointerMove ? node.onPointerMove(ed, tool, e) : ed;
    case 'up': return node.onPointerUp ? node.onPointerUp(ed, tool, e) : ed;
    case 'cancel': return node.onCancel ? node.onCancel(ed, tool) : ed;
  }
}

/** Escape or a lost pointer: drops the drawing, the drag or the pending box; `ed` itself when idle. */
export function boxToolCancel(ed: EditorState): EditorState {
  const tool = ed.tool as ToolOf<BoxToolMode>;
  const node = nodeOf(tool) as ToolNode<BoxToolMode>;
  return node.onCancel ? node.onCancel(ed, tool) : ed;
}

/**
 * The CSS cursor over the image: the active state's (crosshair while drawing, move while moving, the
 * handle's resize cursor while resizing), or when idle what `hover` (see hoverAt) is over.
 */
export function cursorFor(state: EditorState | BoxToolState, hover: BoxHit | null = null): string {
  const tool = ('tool' in state ? state.tool : state) as ToolOf<BoxToolMode>;
  return (nodeOf(tool) as ToolNode<BoxToolMode>).cursor(tool, hover);
}
