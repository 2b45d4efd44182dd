// The annotation editor as a React hook, for the reading and review views. The state lives in a ref
// (the truth, updated synchronously) and is committed to React state on every change except a pointer
// move during a drag or a drawing: those only bump overlayVersion, so the page's `state` (and anything
// memoised on state.doc / state.selected) does not change until the pointer is released.
import { useCallback, useRef, useState } from 'react';
import type { ImagePointerEvent, ToScreen } from '../viewer/types.js';
import { cursorFor, hoverAt } from './box-tool/index.js';
import type { DrawOptions } from './draw-annotations.js';
import { drawEditor } from './draw-editor.js';
import { editorReducer, initialEditor } from './editor.js';
import type { EditorAction, EditorState } from './editor-types.js';
import type { BoxHit } from './hit-test.js';

export interface UseEditorOptions {
  /** Drawing options (colorOf: labelColors(schema's local labels); showText...), read at each draw. */
  draw?: DrawOptions;
}

export interface UseEditor {
  /** The committed state (during a drag its tool lags; drawOverlay reads the live one). */
  state: EditorState;
  /** Applies an action now (stable identity). */
  dispatch(action: EditorAction): void;
  /** For ImageViewer's onImagePointer (stable). */
  onImagePointer(event: ImagePointerEvent): void;
  /** For ImageViewer's drawOverlay (stable; draws the live state). */
  drawOverlay(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number): void;
  /** For ImageViewer's overlayVersion: bumped whenever the drawing changes. */
  overlayVersion: number;
  /** For ImageViewer's cursor. */
  cursor: string;
  /** The live state right now (for event handlers that run mid-drag). */
  getState(): EditorState;
}

const sameHit = (a: BoxHit | null, b: BoxHit | null): boolean => a?.key === b?.key && a?.part === b?.part && a?.handle === b?.handle;

export function useEditor(options: UseEditorOptions = {}, init: () => EditorState = initialEditor): UseEditor {
  const live = useRef<EditorState | null>(null);
  if (live.current === null) live.current = init();
  const [state, setState] = useState<EditorState>(live.current);
  const [overlayVersion, setOverlayVersion] = useState(0);
  const [cursor, setCursor] = useState(() => cursorFor(live.current!, null));
  const hover = useRef<BoxHit | null>(null);
  const drawOptions = useRef(options.draw);
  drawOptions.current = options.draw;

  const bump = useCallback(() => setOverlayVersion((v) => v + 1), []);

  const apply = useCallback((action: EditorAction, hoverPoint?: ImagePointerEvent): void => {
    const prev = live.current!;
    const next = editorReducer(prev, action);
    if (next !== prev) {
      live.current = next;
      const transient = action.type === 'pointer' && action.event.type === 'move' && next.doc === prev.doc && next.selected === prev.selected && next.tool.mode === prev.tool.mode;
      if (!transient) setState(next);
      bump();
    }
    const ed = live.current!;
    if (hoverPoint && ed.tool.mode === 'idle') hover.current = hoverAt(ed, hoverPoint.image.x, hoverPoint.image.y, hoverPoint.imagePerScreen);
    else if (ed.tool.mode !== 'idle' || ed.hidden) hover.current = null;
    setCursor(cursorFor(ed, hover.current));
  }, [bump]);

  const dispatch = useCallback((action: EditorAction) => apply(action), [apply]);

  const onImagePointer = useCallback((event: ImagePointerEvent) => {
    const ed = live.current!;
    if (event.type === 'move' && ed.tool.mode === 'idle') {
      // Hover: only the cursor and the hover highlight change.
      const hit = hoverAt(ed, event.image.x, event.image.y, event.imagePerScreen);
      if (sameHit(hit, hover.current)) return;
      const redraw = hit?.key !== hover.current?.key;
      hover.current = hit;
      setCursor(cursorFor(ed, hit));
      if (redraw) bump();
      return;
    }
    apply({ type: 'pointer', event }, event);
  }, [apply, bump]);

  const drawOverlay = useCallback((ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number) => {
    const ed = live.current!;
    drawEditor(ctx, toScreen, scale, ed, { ...drawOptions.current, hoverKey: ed.tool.mode === 'idle' ? (hover.current?.key ?? null) : null });
  }, []);

  const getState = useCallback(() => live.current!, []);

  return { state, dispatch, onImagePointer, drawOverlay, overlayVersion, cursor, getState };
}
