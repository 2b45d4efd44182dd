// The full-depth viewer: a WebGL2 canvas (the image, windowed in the fragment shader) under a 2D canvas
// (annotations). PLACEHOLDER until viewer/ is built: the props are the contract.
import type { ImagePointerEvent, LeftTool, PixelImage, ToScreen, ViewState } from './types.js';

export interface ImageViewerProps {
  /** null while loading (the viewer keeps showing nothing or the last frame). */
  image: PixelImage | null;
  view: ViewState;
  onViewChange(view: ViewState): void;
  leftTool: LeftTool;
  /** Left-button pointer events when leftTool is 'annotate' (captured until up). */
  onImagePointer?(event: ImagePointerEvent): void;
  /** Draws the annotation layer; called on every frame the view or overlayVersion changes. */
  drawOverlay?(ctx: CanvasRenderingContext2D, toScreen: ToScreen, scale: number): void;
  /** Bump to redraw the overlay without a view change. */
  overlayVersion?: number;
  /** CSS cursor over the image (the annotation layer's: crosshair, move, nwse-resize...). */
  cursor?: string;
  /** Called after a frame with the image is on screen (performance marks are set inside). */
  onFrame?(info: { imageId: number; firstFrameOfImage: boolean }): void;
  className?: string;
}

export function ImageViewer(props: ImageViewerProps) {
  return <div className={props.className} data-testid="image-viewer" />;
}
