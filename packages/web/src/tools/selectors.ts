// What the views read from the editor state.
import { rectFromPoints } from './box-geometry.js';
import type { DocBox, EditorState, Rect } from './editor-types.js';

/** The boxes as drawn now: the doc's, with the box being moved or resized at its live position. */
export function liveBoxes(ed: EditorState): readonly DocBox[] {
  const tool = ed.tool;
  if ((tool.mode !== 'moving' && tool.mode !== 'resizing') || !tool.dragging) return ed.doc.boxes;
  return ed.doc.boxes.map((b) => (b.key === tool.key ? tool.current : b));
}

/** The box being drawn (clamped to the image) or waiting for its label; null when none. */
export function pendingRect(ed: EditorState): Rect | null {
  const tool = ed.tool;
  if (tool.mode === 'labelling') return tool.box;
  if (tool.mode === 'drawing') {
    return rectFromPoints(tool.startX, tool.startY, tool.x, tool.y, ed.imageWidth, ed.imageHeight);
  }
  return null;
}

/** The selected box (at its live position while dragged), or null. */
export function selectedBox(ed: EditorState): DocBox | null {
  if (ed.selected === null) return null;
  const tool = ed.tool;
  if ((tool.mode === 'moving' || tool.mode === 'resizing') && tool.dragging && tool.key === ed.selected) return tool.current;
  return ed.doc.boxes.find((b) => b.key === ed.selected) ?? null;
}
