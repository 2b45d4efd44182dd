// A tiny driver for the editor's tests (tldraw's TestEditor): pointer gestures in image px at a zoom,
// commands, and assertions on the active path. Pure: no DOM.
import assert from 'node:assert/strict';
import type { ImagePointerEvent } from '../viewer/types.js';
import { toolPath } from './box-tool/index.js';
import { editorReducer, initialEditor } from './editor.js';
import type { BoxInput, DocBox, DocInput, EditorAction, EditorState } from './editor-types.js';

export interface Modifiers {
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  button?: number;
}

export class TestEditor {
  state: EditorState;
  /** Image px per screen px (1 / zoom). */
  imagePerScreen = 1;

  constructor(width: number, height: number) {
    this.state = initialEditor(width, height);
  }

  dispatch(action: EditorAction): this {
    this.state = editorReducer(this.state, action);
    return this;
  }

  /** Sets the zoom: `scale` screen px per image px. */
  zoom(scale: number): this {
    this.imagePerScreen = 1 / scale;
    return this;
  }

  private last: [number, number] = [0, 0];

  private pointer(type: ImagePointerEvent['type'], x: number, y: number, mods: Modifiers = {}): this {
    this.last = [x, y];
    const s = 1 / this.imagePerScreen;
    const event: ImagePointerEvent = {
      type, image: { x, y }, screen: { x: x * s, y: y * s }, imagePerScreen: this.imagePerScreen, button: mods.button ?? 0,
      shiftKey: !!mods.shiftKey, altKey: !!mods.altKey, ctrlKey: !!mods.ctrlKey, metaKey: !!mods.metaKey,
    };
    return this.dispatch({ type: 'pointer', event });
  }

  pointerDown(x: number, y: number, mods?: Modifiers): this { return this.pointer('down', x, y, mods); }
  pointerMove(x: number, y: number, mods?: Modifiers): this { return this.pointer('move', x, y, mods); }
  pointerUp(x?: number, y?: number, mods?: Modifiers): this {
    return this.pointer('up', x ?? this.last[0], y ?? this.last[1], mods);
  }
  pointerCancel(): this { return this.pointer('cancel', 0, 0); }

  /** A press, moves in `steps` to (x1, y1), and a release there. */
  drag(x0: number, y0: number, x1: number, y1: number, steps = 3): this {
    this.pointerDown(x0, y0);
    for (let i = 1; i <= steps; i++) this.pointerMove(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps);
    return this.pointerUp(x1, y1);
  }

  click(x: number, y: number): this { return this.pointerDown(x, y).pointerUp(x, y); }

  /** Draws a box and labels it. */
  drawBox(x0: number, y0: number, x1: number, y1: number, label = 'Nodule/Mass'): this {
    return this.drag(x0, y0, x1, y1).expectPath('box.labelling').chooseLabel(label);
  }

  chooseLabel(label: string): this { return this.dispatch({ type: 'chooseLabel', label }); }
  cancel(): this { return this.dispatch({ type: 'cancel' }); }
  undo(): this { return this.dispatch({ type: 'undo' }); }
  redo(): this { return this.dispatch({ type: 'redo' }); }
  select(key: string | null): this { return this.dispatch({ type: 'select', key }); }
  deleteSelected(): this { return this.dispatch({ type: 'deleteSelected' }); }
  duplicateSelected(offset?: number): this { return this.dispatch(offset === undefined ? { type: 'duplicateSelected' } : { type: 'duplicateSelected', offset }); }
  nudge(dx: number, dy: number): this { return this.dispatch({ type: 'nudgeSelected', dx, dy }); }
  setLabel(key: string, label: string): this { return this.dispatch({ type: 'setLabel', key, label }); }
  toggleGlobal(label: string, exclusive?: readonly string[]): this { return this.dispatch(exclusive ? { type: 'toggleGlobal', label, exclusive } : { type: 'toggleGlobal', label }); }
  toggleHidden(): this { return this.dispatch({ type: 'toggleHidden' }); }
  addBoxes(boxes: BoxInput[]): this { return this.dispatch({ type: 'addBoxes', boxes }); }
  load(doc: DocInput, width = this.state.imageWidth, height = this.state.imageHeight): this {
    return this.dispatch({ type: 'load', doc, imageWidth: width, imageHeight: height });
  }

  get boxes(): DocBox[] { return this.state.doc.boxes; }
  get selected(): string | null { return this.state.selected; }
  get path(): string { return toolPath(this.state); }
  box(key: string): DocBox {
    const b = this.state.doc.boxes.find((x) => x.key === key);
    assert.ok(b, `no box ${key}`);
    return b;
  }
  /** The last box's rectangle as [xMin, yMin, xMax, yMax]. */
  rect(key?: string): [number, number, number, number] {
    const b = key === undefined ? this.boxes[this.boxes.length - 1] : this.box(key);
    assert.ok(b, 'no box');
    return [b.xMin, b.yMin, b.xMax, b.yMax];
  }

  expectPath(path: string): this {
    assert.equal(this.path, path);
    return this;
  }
}

export const testEditor = (width = 1000, height = 800): TestEditor => new TestEditor(width, height);
