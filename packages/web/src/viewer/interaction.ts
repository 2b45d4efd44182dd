// Mouse, pen and wheel input of the viewer, attached as native listeners (no React state: a drag changes the
// view through the host, which draws on the next animation frame):
//   wheel: zoom around the cursor; right drag: window/level; middle drag: pan;
//   left drag: the left tool ('window', 'pan', 'zoom': up zooms in around where the drag began, 'annotate':
//   ImagePointerEvents, the pointer captured from down until up; hover moves are reported too, buttons 0).
import { dragZoomFactor, wheelPixels, wheelZoomFactor, windowAfterDrag, wlUnitsPerPixel } from './gestures.js';
import { panBy, screenToImage, zoomAround } from './viewport.js';
import type { ImagePoint, ImagePointerEvent, LeftTool, PixelImage, ViewState } from './types.js';

export interface InteractionHost {
  view(): ViewState;
  image(): PixelImage | null;
  leftTool(): LeftTool;
  /** A new view from a gesture in progress; `windowChange` when the window moved (W/L marks). */
  changeView(view: ViewState, windowChange: boolean): void;
  /** The gesture ended (pointer up, or no wheel turn for WHEEL_END_MS): time to report the view. */
  gestureEnd(): void;
  /** Annotate-mode pointer events; false when nobody listens. */
  imagePointer(event: ImagePointerEvent): boolean;
  /** The cursor while dragging (null: back to the props' cursor). */
  dragCursor(cursor: string | null): void;
}

/** A wheel burst ends after this long without a turn. */
export const WHEEL_END_MS = 200;

type DragMode = 'window' | 'pan' | 'zoom' | 'annotate';

interface Drag {
  mode: DragMode;
  pointerId: number;
  button: number;
  origin: DOMRect;
  start: ImagePoint;
  startView: ViewState;
  unitsPerPixel: number;
  displayInverted: boolean;
}

const DRAG_CURSORS: Record<Exclude<DragMode, 'annotate'>, string> = { window: 'crosshair', pan: 'grabbing', zoom: 'zoom-in' };

function modeFor(button: number, tool: LeftTool): DragMode | null {
  if (button === 2) return 'window';
  if (button === 1) return 'pan';
  if (button === 0) return tool;
  return null;
}

/** Attaches the listeners; returns the detach function. */
export function attachInteraction(el: HTMLElement, host: InteractionHost): () => void {
  let drag: Drag | null = null;
  let wheelTimer: ReturnType<typeof setTimeout> | undefined;

  const local = (e: { clientX: number; clientY: number }, origin: DOMRect): ImagePoint => ({ x: e.clientX - origin.left, y: e.clientY - origin.top });

  const imageEvent = (type: ImagePointerEvent['type'], e: PointerEvent, screen: ImagePoint): ImagePointerEvent => {
    const viewport = host.view().viewport;
    return {
      type,
      image: screenToImage(viewport, screen),
      screen,
      imagePerScreen: 1 / viewport.scale,
      button: e.button,
      buttons: e.buttons,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
    };
  };

  const onDown = (e: PointerEvent) => {
    const image = host.image();
    if (drag || !image) return;
    const mode = modeFor(e.button, host.leftTool()); // touch and a pen's tip are button 0
    if (!mode) return;
    const origin = el.getBoundingClientRect();
    const start = local(e, origin);
    const view = host.view();
    if (mode === 'annotate' && !host.imagePointer(imageEvent('down', e, start))) return;
    e.preventDefault();
    el.setPointerCapture(e.pointerId);
    drag = { mode, pointerId: e.pointerId, button: e.button, origin, start, startView: view, unitsPerPixel: wlUnitsPerPixel(image.min, image.max), displayInverted: image.monochrome1 !== view.invert };
    if (mode !== 'annotate') host.dragCursor(DRAG_CURSORS[mode]);
  };

  const onMove = (e: PointerEvent) => {
    if (!drag) {
      if (host.leftTool() === 'annotate' && host.image()) host.imagePointer(imageEvent('move', e, local(e, el.getBoundingClientRect())));
      return;
    }
    if (e.pointerId !== drag.pointerId) return;
    const p = local(e, drag.origin);
    const dx = p.x - drag.start.x;
    const dy = p.y - drag.start.y;
    const v = drag.startView;
    switch (drag.mode) {
      case 'window':
        host.changeView({ ...host.view(), window: windowAfterDrag(v.window, dx, dy, drag.unitsPerPixel, drag.displayInverted) }, true);
        break;
      case 'pan':
        host.changeView({ ...host.view(), viewport: panBy(v.viewport, dx, dy) }, false);
        break;
      case 'zoom':
        host.changeView({ ...host.view(), viewport: zoomAround(v.viewport, drag.start, dragZoomFactor(dy)) }, false);
        break;
      case 'annotate':
        host.imagePointer(imageEvent('move', e, p));
        break;
    }
  };

  const end = (e: PointerEvent, type: 'up' | 'cancel') => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const d = drag;
    drag = null;
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    if (d.mode === 'annotate') host.imagePointer(imageEvent(type, e, local(e, d.origin)));
    else {
      host.dragCursor(null);
      host.gestureEnd();
    }
  };
  const onUp = (e: PointerEvent) => end(e, 'up');
  const onCancel = (e: PointerEvent) => end(e, 'cancel');

  const onWheel = (e: WheelEvent) => {
    if (!host.image()) return;
    e.preventDefault();
    const px = wheelPixels(e.deltaY, e.deltaMode, el.clientHeight) * (e.ctrlKey ? 4 : 1); // ctrl: a trackpad pinch, small deltas
    if (px === 0) return;
    const view = host.view();
    host.changeView({ ...view, viewport: zoomAround(view.viewport, local(e, el.getBoundingClientRect()), wheelZoomFactor(px)) }, false);
    clearTimeout(wheelTimer);
    wheelTimer = setTimeout(() => host.gestureEnd(), WHEEL_END_MS);
  };

  const prevent = (e: Event) => e.preventDefault();
  const onMouseDown = (e: MouseEvent) => {
    if (e.button === 1) e.preventDefault(); // no autoscroll
  };

  el.addEventListener('pointerdown', onDown);
  el.addEventListener('pointermove', onMove);
  el.addEventListener('pointerup', onUp);
  el.addEventListener('pointercancel', onCancel);
  el.addEventListener('lostpointercapture', onCancel);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('contextmenu', prevent);
  el.addEventListener('auxclick', prevent);
  el.addEventListener('mousedown', onMouseDown);
  return () => {
    clearTimeout(wheelTimer);
    el.removeEventListener('pointerdown', onDown);
    el.removeEventListener('pointermove', onMove);
    el.removeEventListener('pointerup', onUp);
    el.removeEventListener('pointercancel', onCancel);
    el.removeEventListener('lostpointercapture', onCancel);
    el.removeEventListener('wheel', onWheel);
    el.removeEventListener('contextmenu', prevent);
    el.removeEventListener('auxclick', prevent);
    el.removeEventListener('mousedown', onMouseDown);
  };
}
