// Draws the editor's state: the live boxes (unless hidden), the selection, the box being drawn.
import type { ToScreen } from '../viewer/types.js';
import { drawAnnotations, type DrawOptions } from './draw-annotations.js';
import type { EditorState } from './editor-types.js';
import { liveBoxes, pendingRect } from './selectors.js';

export function drawEditor(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number, ed: EditorState, options: DrawOptions = {}): void {
  const pending = pendingRect(ed);
  const boxes = ed.hidden ? [] : liveBoxes(ed);
  if (boxes.length === 0 && !pending) return;
  drawAnnotations(ctx, toScreen, scale, boxes, { ...options, selectedKey: ed.selected, pending });
}
