// The editor's drawing split into two layers (excalidraw's static and interactive canvases): the static
// scene (the committed boxes, minus the selected one and the one being dragged) changes only with the
// document, the selection, the hidden flag or the start/end of a drag; the interactive layer (the box being
// drawn, the selected or dragged box with its handles, the hover) is all a pointer move redraws. The static
// boxes' outlines go to the viewer's WebGL pass (BoxOutlines), their tags to the static 2D layer.
import type { BoxOutlines } from '../viewer/types.js';
import type { DrawOptions } from './draw-annotations.js';
import type { DocBox, EditorState } from './editor-types.js';
import { labelColor } from './label-colors.js';
import { selectedBox } from './selectors.js';

/** What the static scene depends on: two equal keys draw the same scene. */
export interface SceneKey {
  doc: EditorState['doc'];
  selected: string | null;
  hidden: boolean;
  /** The box being moved or resized (drawn on the interactive layer while dragged). */
  dragged: string | null;
}

export function sceneKey(ed: EditorState): SceneKey {
  const tool = ed.tool;
  const dragged = (tool.mode === 'moving' || tool.mode === 'resizing') && tool.dragging ? tool.key : null;
  return { doc: ed.doc, selected: ed.selected, hidden: ed.hidden, dragged };
}

export const sameSceneKey = (a: SceneKey, b: SceneKey): boolean => a.doc === b.doc && a.selected === b.selected && a.hidden === b.hidden && a.dragged === b.dragged;

/** The boxes of the static scene. */
export function staticBoxes(key: SceneKey): readonly DocBox[] {
  if (key.hidden) return [];
  if (key.selected === null && key.dragged === null) return key.doc.boxes;
  return key.doc.boxes.filter((b) => b.key !== key.selected && b.key !== key.dragged);
}

/** The boxes of the interactive layer: the selected one and the dragged one, at their live positions. */
export function activeBoxes(ed: EditorState): readonly DocBox[] {
  if (ed.hidden) return [];
  const out: DocBox[] = [];
  const sel = selectedBox(ed);
  if (sel) out.push(sel);
  const tool = ed.tool;
  if ((tool.mode === 'moving' || tool.mode === 'resizing') && tool.dragging && tool.key !== ed.selected) out.push(tool.current);
  return out;
}

/** The static boxes' outlines for the viewer's WebGL pass, coloured as drawAnnotations would. */
export function sceneOutlines(boxes: readonly DocBox[], options: DrawOptions = {}): BoxOutlines {
  const colorOf = options.color !== undefined ? () => options.color! : (options.colorOf ?? ((l: string) => labelColor(l)));
  const alpha = options.alpha ?? 1;
  return {
    boxes: boxes.map((b) => ({ xMin: b.xMin, yMin: b.yMin, xMax: b.xMax, yMax: b.yMax, color: colorOf(b.label), ...(alpha !== 1 ? { alpha } : {}) })),
    lineWidth: options.lineWidth ?? 1.5,
    halo: options.halo ?? true,
  };
}
