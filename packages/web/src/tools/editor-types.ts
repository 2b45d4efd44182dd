// The annotation editor's model (owned by tools/): a read (global labels + boxes) with undo/redo, the
// selection, and the box tool's state machine. Pure data; the reducer is tools/editor.ts.
import type { ImagePointerEvent } from '../viewer/types.js';

/** A box in image pixel coordinates; `key` is a client-side id, stable across edits (not sent). */
export interface DocBox {
  key: string;
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface AnnotationDoc {
  globals: string[];
  boxes: DocBox[];
}

export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** The box tool's state machine. */
export type BoxToolState =
  | { mode: 'idle' }
  | { mode: 'drawing'; startX: number; startY: number; x: number; y: number }
  /** A drawn box waiting for its label (the popover is open); Escape drops it. */
  | { mode: 'labelling'; box: Omit<DocBox, 'key' | 'label'> }
  | { mode: 'moving'; key: string; grabX: number; grabY: number; original: DocBox }
  | { mode: 'resizing'; key: string; handle: Handle; original: DocBox };

export interface EditorState {
  doc: AnnotationDoc;
  /** Undo and redo stacks of whole documents (a drag is one step). */
  past: AnnotationDoc[];
  future: AnnotationDoc[];
  selected: string | null;
  /** Boxes hidden (hide/show all). */
  hidden: boolean;
  tool: BoxToolState;
  /** Bumped on every change of doc (autosave watches it). */
  revision: number;
  /** The image's size: boxes are kept inside it. */
  imageWidth: number;
  imageHeight: number;
}

export type EditorAction =
  | { type: 'load'; doc: AnnotationDoc; imageWidth: number; imageHeight: number }
  | { type: 'pointer'; event: ImagePointerEvent }
  | { type: 'chooseLabel'; label: string }
  | { type: 'cancel' }
  | { type: 'select'; key: string | null }
  | { type: 'setLabel'; key: string; label: string }
  | { type: 'deleteSelected' }
  | { type: 'duplicateSelected' }
  | { type: 'nudgeSelected'; dx: number; dy: number }
  | { type: 'toggleGlobal'; label: string; exclusive?: readonly string[] }
  | { type: 'setGlobals'; globals: string[] }
  | { type: 'addBoxes'; boxes: Omit<DocBox, 'key'>[] }
  | { type: 'toggleHidden' }
  | { type: 'undo' }
  | { type: 'redo' };
