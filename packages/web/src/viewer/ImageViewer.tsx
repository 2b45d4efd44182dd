// The full-depth viewer: a WebGL2 canvas (the image, windowed in the fragment shader) under a 2D canvas
// (annotations), with reading-room corner texts. A controlled component: a change of the view (drags, wheel,
// the handle) is drawn at once and reported through onViewChange: handle commands on the next frame, gestures
// (a drag, a burst of wheel turns) when they end, or on every frame with liveViewChanges. A NEW props.view
// object that differs from what is shown (and is not a late echo of a report) replaces it; a parent that
// re-renders with its old view object changes nothing. The work happens in ViewerEngine, outside React, and
// the JSX below does not depend on the view: a window/level drag renders no React component at all (the
// corner texts, data-view and the overlay are updated by the engine on each frame).
import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { BoxOutlines, ImagePointerEvent, LeftTool, PixelImage, ToScreen, ViewState } from './types.js';
import { ViewerEngine } from './viewer-engine.js';
import './viewer.css';

/**
 * Commands for toolbars and keys (React 19: pass `ref` as a prop).
 * fit: the whole image centred in the canvas. actualSize: one image pixel per DEVICE pixel (scale =
 * 1 / devicePixelRatio; the corner text calls that 100%), around the view's centre. zoomBy: around the centre.
 * reset: fit, the window the image opened with, no invert. size: the canvas in CSS px.
 */
export interface ImageViewerHandle {
  fit(): void;
  actualSize(): void;
  zoomBy(factor: number): void;
  reset(): void;
  size(): { width: number; height: number };
}

export interface ImageViewerProps {
  /** null while loading (the viewer then shows nothing: no stale image under a new task's boxes). */
  image: PixelImage | null;
  /** A viewport with scale <= 0 (openingView) is replaced by the fitted one once the viewer knows its size. */
  view: ViewState;
  onViewChange(view: ViewState): void;
  /** Report every frame of a gesture, not only its end (default false: a W/L drag re-renders nothing in React). */
  liveViewChanges?: boolean;
  leftTool: LeftTool;
  /** Left-button pointer events when leftTool is 'annotate' (captured until up), and hover moves (buttons 0). */
  onImagePointer?(event: ImagePointerEvent): void;
  /**
   * Draws the annotation layer (cleared first; the context maps CSS px, DPR applied): called on every frame the
   * viewport (not the window: a W/L drag leaves the layer alone), the size, the image or overlayVersion changes.
   */
  drawOverlay?(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number): void;
  /** Bump to redraw the overlay without a view change. */
  overlayVersion?: number;
  /**
   * The static annotation layer, under drawOverlay's (same contract): what changes only with the document, the
   * selection or the viewport (e.g. the committed boxes' tags), so that drawOverlay, redrawn on pointer moves,
   * holds only what moves (the box being drawn or dragged, the selection, the hover).
   */
  drawScene?(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number): void;
  /** Bump to redraw the static layer without a view change. */
  sceneVersion?: number;
  /** Box outlines stroked by WebGL with the image (pan, zoom and W/L cost no CPU work per box). */
  boxOutlines?: BoxOutlines | null;
  /** CSS cursor over the image (the annotation layer's: crosshair, move, nwse-resize...). */
  cursor?: string;
  /** Called after a frame with the image is on screen (performance marks are set inside). */
  onFrame?(info: { imageId: number; firstFrameOfImage: boolean }): void;
  /** The next image: its textures are uploaded in idle time, so that showing it costs only a draw. */
  preload?: PixelImage | null;
  /** Extra corner texts (top left / top right), e.g. the task's position. */
  corners?: { topLeft?: string; topRight?: string };
  /** The accessible name of the viewer (default "Image viewer"). */
  label?: string;
  className?: string;
  ref?: Ref<ImageViewerHandle>;
}

export function ImageViewer(props: ImageViewerProps) {
  const root = useRef<HTMLDivElement>(null);
  const glCanvas = useRef<HTMLCanvasElement>(null);
  const sceneCanvas = useRef<HTMLCanvasElement>(null);
  const overlayCanvas = useRef<HTMLCanvasElement>(null);
  const bottomLeft = useRef<HTMLDivElement>(null);
  const bottomRight = useRef<HTMLDivElement>(null);
  const message = useRef<HTMLDivElement>(null);
  const engine = useRef<ViewerEngine | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useLayoutEffect(() => {
    const e = new ViewerEngine(
      { root: root.current!, glCanvas: glCanvas.current!, sceneCanvas: sceneCanvas.current!, overlayCanvas: overlayCanvas.current!, bottomLeft: bottomLeft.current!, bottomRight: bottomRight.current!, message: message.current! },
      latest.current,
    );
    engine.current = e;
    return () => {
      e.destroy();
      engine.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    engine.current?.update(props);
  });

  useImperativeHandle(
    props.ref,
    (): ImageViewerHandle => ({
      fit: () => engine.current?.handle.fit(),
      actualSize: () => engine.current?.handle.actualSize(),
      zoomBy: (factor) => engine.current?.handle.zoomBy(factor),
      reset: () => engine.current?.handle.reset(),
      size: () => engine.current?.handle.size() ?? { width: 0, height: 0 },
    }),
    [],
  );

  const { image, corners } = props;
  return (
    <div ref={root} className={`image-viewer ${props.className ?? ''}`} data-testid="image-viewer" role="region" aria-label={props.label ?? 'Image viewer'}>
      <canvas ref={glCanvas} className="image-viewer-layer" role="img" aria-label={image ? `Radiograph, ${image.width} by ${image.height} pixels` : 'No image'} />
      <canvas ref={sceneCanvas} className="image-viewer-layer image-viewer-overlay" aria-hidden="true" />
      <canvas ref={overlayCanvas} className="image-viewer-layer image-viewer-overlay" aria-hidden="true" />
      <div className="image-viewer-corner top-left" aria-hidden="true">{corners?.topLeft}</div>
      <div className="image-viewer-corner top-right" aria-hidden="true">{corners?.topRight}</div>
      <div ref={bottomLeft} className="image-viewer-corner bottom-left" aria-hidden="true" />
      <div ref={bottomRight} className="image-viewer-corner bottom-right" aria-hidden="true" />
      <div ref={message} className="image-viewer-message" role="alert" hidden />
    </div>
  );
}
