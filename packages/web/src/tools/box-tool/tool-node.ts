// A state of the box tool (tldraw's StateNode, as pure functions): it reacts to pointer events and
// Escape by returning the next editor state.
import type { ImagePointerEvent } from '../../viewer/types.js';
import { rectEquals } from '../box-geometry.js';
import type { BoxToolMode, BoxToolState, DocBox, EditorState } from '../editor-types.js';
import { commitDoc } from '../history.js';
import type { BoxHit } from '../hit-test.js';

export type ToolOf<M extends BoxToolMode> = Extract<BoxToolState, { mode: M }>;

export interface ToolNode<M extends BoxToolMode> {
  readonly mode: M;
  onPointerDown?(ed: EditorState, tool: ToolOf<M>, e: ImagePointerEvent): EditorState;
  onPointerMove?(ed: EditorState, tool: ToolOf<M>, e: ImagePointerEvent): EditorState;
  onPointerUp?(ed: EditorState, tool: ToolOf<M>, e: ImagePointerEvent): EditorState;
  /** A pointer cancel or Escape. */
  onCancel?(ed: EditorState, tool: ToolOf<M>): EditorState;
  /** The CSS cursor; `hover` is what the pointer is over (idle only). */
  cursor(tool: ToolOf<M>, hover: BoxHit | null): string;
}

export const IDLE: BoxToolState = { mode: 'idle' };

/** Whether the pointer travelled at least `px` screen px from (x0, y0) (image px). */
export function travelled(e: ImagePointerEvent, x0: number, y0: number, px: number): boolean {
  const d = px * e.imagePerScreen;
  return Math.abs(e.image.x - x0) >= d || Math.abs(e.image.y - y0) >= d;
}

/**
 * Ends a move or resize of box `key`: its new rectangle `current` replaces it as one undo step, unless it
 * did not change (or the box is gone), which leaves the document and the history as they were.
 */
export function commitDraggedBox(ed: EditorState, key: string, current: DocBox, original: DocBox): EditorState {
  const i = ed.doc.boxes.findIndex((b) => b.key === key);
  if (i < 0 || rectEquals(current, original)) return { ...ed, tool: IDLE };
  const boxes = ed.doc.boxes.slice();
  boxes[i] = current;
  return commitDoc(ed, { ...ed.doc, boxes }, { tool: IDLE });
}
