// The annotation editor as a React hook, for the reading and review views. The state lives in a ref
// (the truth, updated synchronously) and is committed to React state on every change except a pointer
// move during a drag or a drawing: those only bump overlayVersion, so the page's `state` (and anything
// memoised on state.doc / state.selected) does not change until the pointer is released.
// The drawing has two layers (editor-layers.ts): the static scene (boxOutlines, stroked by the viewer's
// WebGL pass, and drawScene, their tags), rebuilt only when sceneVersion changes; and drawOverlay, the
// interactive layer (the box being drawn or dragged, the selection, the hover), redrawn on pointer moves.
import { useCallback, useRef, useState } from 'react';
import type { ImagePointerEvent, ToScreen } from '../viewer/types.js';
import { cursorFor, hoverAt } from './box-tool/index.js';
import { drawAnnotations, type DrawOptions } from './draw-annotations.js';
import { activeBoxes, sameSceneKey, sceneKey, sceneOutlines, staticBoxes, type SceneKey } from './editor-layers.js';
import { pendingRect } from './selectors.js';
import type { BoxOutlines } from '../viewer/types.js';
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
  /** For ImageViewer's drawOverlay (stable; draws the live state's interactive layer). */
  drawOverlay(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number): void;
  /** For ImageViewer's overlayVersion: bumped whenever the interactive layer changes. */
  overlayVersion: number;
  /** For ImageViewer's drawScene (stable): the static boxes' tags. */
  drawScene(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number): void;
  /** For ImageViewer's sceneVersion: bumped whenever the static scene changes. */
  sceneVersion: number;
  /** For ImageViewer's boxOutlines: the static boxes' outlines (a new object when they change). */
  boxOutlines: BoxOutlines;
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

  // The static scene: rebuilt (outlines, version) only when its key or the drawing options change.
  const buildScene = (key: SceneKey, opts: DrawOptions | undefined) => ({ key, opts, outlines: sceneOutlines(staticBoxes(key), opts), version: 0 });
  const sceneRef = useRef<ReturnType<typeof buildScene> | null>(null);
  if (sceneRef.current === null) sceneRef.current = buildScene(sceneKey(live.current), options.draw);
  const [scene, setScene] = useState(sceneRef.current);
  const sameOpts = (a: DrawOptions | undefined, b: DrawOptions | undefined) =>
    a === b || (a?.colorOf === b?.colorOf && a?.color === b?.color && a?.alpha === b?.alpha && a?.lineWidth === b?.lineWidth && a?.halo === b?.halo);
  const refreshScene = useCallback((): void => {
    const prev = sceneRef.current!;
    const key = sceneKey(live.current!);
    if (sameSceneKey(key, prev.key) && sameOpts(prev.opts, drawOptions.current)) return;
    const next = { ...buildScene(key, drawOptions.current), version: prev.version + 1 };
    sceneRef.current = next;
    setScene(next);
  }, []);
  if (!sameOpts(sceneRef.current.opts, options.draw)) {
    // new drawing options (rare: a new schema): rebuilt during this render
    const next = { ...buildScene(sceneKey(live.current), options.draw), version: sceneRef.current.version + 1 };
    sceneRef.current = next;
  }

  const bump = useCallback(() => setOverlayVersion((v) => v + 1), []);

  const apply = useCallback((action: EditorAction, hoverPoint?: ImagePointerEvent): void => {
    const prev = live.current!;
    const next = editorReducer(prev, action);
    if (next !== prev) {
      live.current = next;
      const transient = action.type === 'pointer' && action.event.type === 'move' && next.doc === prev.doc && next.selected === prev.selected && next.tool.mode === prev.tool.mode;
      if (!transient) setState(next);
      refreshScene();
      bump();
    }
    const ed = live.current!;
    if (hoverPoint && ed.tool.mode === 'idle') hover.current = hoverAt(ed, hoverPoint.image.x, hoverPoint.image.y, hoverPoint.imagePerScreen);
    else if (ed.tool.mode !== 'idle' || ed.hidden) hover.current = null;
    setCursor(cursorFor(ed, hover.current));
  }, [bump, refreshScene]);

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
    const hoverKey = ed.tool.mode === 'idle' && !ed.hidden ? (hover.current?.key ?? null) : null;
    const boxes = [...activeBoxes(ed)];
    const hovered = hoverKey !== null && hoverKey !== ed.selected ? ed.doc.boxes.find((b) => b.key === hoverKey) : undefined;
    if (hovered) boxes.push(hovered);
    const pending = pendingRect(ed);
    if (boxes.length === 0 && !pending) return;
    drawAnnotations(ctx, toScreen, scale, boxes, { ...drawOptions.current, selectedKey: ed.selected, hoverKey, pending });
  }, []);

  const drawScene = useCallback((ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number) => {
    const boxes = staticBoxes(sceneRef.current!.key);
    if (boxes.length > 0) drawAnnotations(ctx, toScreen, scale, boxes, { ...drawOptions.current, outlines: false });
  }, []);

  const getState = useCallback(() => live.current!, []);

  void scene; // state only to re-render when the scene changes: sceneRef holds the latest
  const current = sceneRef.current;
  return { state, dispatch, onImagePointer, drawOverlay, overlayVersion, drawScene, sceneVersion: current.version, boxOutlines: current.outlines, cursor, getState };
}
