// The annotation editor's model (owned by tools/): a read (global labels + boxes) with undo/redo, the
// selection, and the box tool's state machine. Pure data; the reducer is tools/editor.ts.
import type { ImagePointerEvent } from '../viewer/types.js';

/**
 * A rectangle in image pixel coordinates, xMin < xMax and yMin < yMax, inside 0..width x 0..height.
 * The editor rounds every coordinate it produces to 0.1 image px (boxes copied in by `addBoxes` or
 * `load` are clamped and ordered but otherwise kept as given).
 */
export interface Rect {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** A box in image pixel coordinates; `key` is a client-side id, stable across edits (not sent). */
export interface DocBox extends Rect {
  key: string;
  label: string;
}

export interface AnnotationDoc {
  globals: string[];
  boxes: DocBox[];
}

/** A box as the server knows it (no client key). */
export type BoxInput = Omit<DocBox, 'key'>;

/** A document to load: boxes may come without keys (the editor gives them `b1`, `b2`...). */
export interface DocInput {
  globals: readonly string[];
  boxes: readonly (BoxInput & { key?: string })[];
}

/** The 8 resize handles of a box: edges n/s/e/w and corners. */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';

/** The box tool's state machine (one file per state in tools/box-tool/); `toolPath` names it ('box.idle'...). */
export type BoxToolState =
  | { mode: 'idle' }
  /** Dragging out a new box from (startX, startY) to the pointer (x, y), image px, unclamped. */
  | { mode: 'drawing'; startX: number; startY: number; x: number; y: number }
  /** A drawn box waiting for its label (the popover is open); Escape drops it. */
  | { mode: 'labelling'; box: Rect }
  /**
   * Moving box `key`: grabbed at (grabX, grabY); `current` is the live position (drawn, not yet in the
   * doc); `dragging` turns true once the pointer travelled a few screen px (before that, up = a click);
   * `wasSelected`: the box was selected before this press (a click on it may then pick a box inside it).
   */
  | { mode: 'moving'; key: string; grabX: number; grabY: number; original: DocBox; current: DocBox; dragging: boolean; wasSelected: boolean }
  /**
   * Resizing box `key` by `handle` (as grabbed); `active` is the handle the pointer holds now (mirrored
   * when `current` crossed over the opposite side). (offsetX, offsetY): the grab point minus the
   * handle's edge, so that the edge does not jump.
   */
  | {
      mode: 'resizing'; key: string; handle: Handle; active: Handle; original: DocBox; current: DocBox;
      grabX: number; grabY: number; offsetX: number; offsetY: number; dragging: boolean;
    };

export type BoxToolMode = BoxToolState['mode'];

export interface EditorState {
  doc: AnnotationDoc;
  /** Undo and redo stacks of whole documents (a drag is one step; at most HISTORY_LIMIT). */
  past: AnnotationDoc[];
  future: AnnotationDoc[];
  selected: string | null;
  /** Boxes hidden (hide/show all): hidden boxes are neither drawn nor hit. */
  hidden: boolean;
  tool: BoxToolState;
  /** 0 as loaded; +1 on every change of doc (undo/redo included; not selection, hiding or tool changes). */
  revision: number;
  /** +1 on every `load` (autosave: a change of generation is a new document, not an edit). */
  generation: number;
  /** The image's size: boxes are kept inside it (0 = unknown: no clamping). */
  imageWidth: number;
  imageHeight: number;
  /** The next client key number (`b<n>`). */
  nextKey: number;
  /** Consecutive edits with the same merge key (nudges of one box) share one undo step. */
  mergeKey: string | null;
}

export type EditorAction =
  | { type: 'load'; doc: DocInput; imageWidth: number; imageHeight: number }
  /** The image's size once known (boxes are not moved). */
  | { type: 'setImageSize'; imageWidth: number; imageHeight: number }
  | { type: 'pointer'; event: ImagePointerEvent }
  /** Labels the pending box (labelling); with no pending box, relabels the selected box. */
  | { type: 'chooseLabel'; label: string }
  /** Escape: drops the pending box or the drag in progress; when idle, clears the selection. */
  | { type: 'cancel' }
  | { type: 'select'; key: string | null }
  | { type: 'setLabel'; key: string; label: string }
  | { type: 'deleteSelected' }
  /** A copy offset by `offset` image px (default 10; the other way near the image's edge), selected. */
  | { type: 'duplicateSelected'; offset?: number }
  /** Moves the selected box by (dx, dy) image px, kept inside the image; consecutive nudges = one undo step. */
  | { type: 'nudgeSelected'; dx: number; dy: number }
  /** On: a label in `exclusive` clears the other globals; another label clears the exclusive ones. Off: removed. */
  | { type: 'toggleGlobal'; label: string; exclusive?: readonly string[] }
  | { type: 'setGlobals'; globals: readonly string[] }
  /** Copies boxes in (new keys, clamped), one undo step; a single box copied in is selected. */
  | { type: 'addBoxes'; boxes: readonly BoxInput[] }
  | { type: 'toggleHidden' }
  | { type: 'undo' }
  | { type: 'redo' };

export type EditorActionType = EditorAction['type'];
