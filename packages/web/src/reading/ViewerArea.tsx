// The middle of the reading view: the image viewer, the label popover at the box being labelled, and the
// notes over the image (loading, read-only, a replaced draft).
import { useRef, type ReactNode, type Ref } from 'react';
import { ImageViewer, type ImageViewerHandle, type LeftTool, type PixelImage, type ViewState } from '../viewer/index.js';
import type { UseEditor, Rect } from '../tools/index.js';
import { LabelPopover, type PopoverLabel } from './LabelPopover.js';
import { useElementSize } from './use-element-size.js';

export interface PopoverRequest {
  rect: Rect;
  current?: string;
  title: string;
  onChoose(label: string): void;
  onCancel(): void;
}

export interface ViewerAreaProps {
  viewerRef: Ref<ImageViewerHandle>;
  pixels: PixelImage | null;
  preload: PixelImage | null;
  loading: boolean;
  error: string | null;
  view: ViewState;
  onViewChange(view: ViewState): void;
  leftTool: LeftTool;
  editor: UseEditor;
  editable: boolean;
  corners: { topLeft?: string; topRight?: string };
  popover: PopoverRequest | null;
  labels: readonly PopoverLabel[];
  colorOf(label: string): string;
  /** Banners over the top of the image. */
  children?: ReactNode;
}

export function ViewerArea(p: ViewerAreaProps) {
  const area = useRef<HTMLDivElement>(null);
  const size = useElementSize(area);
  const vp = p.view.viewport;
  let anchor: { x: number; y: number } | null = null;
  if (p.popover !== null && vp.scale > 0) {
    const r = p.popover.rect;
    anchor = {
      x: Math.max(0, Math.min(size.width, vp.x + r.xMax * vp.scale)),
      y: Math.max(0, Math.min(size.height, vp.y + r.yMin * vp.scale)),
    };
  }
  return (
    <div ref={area} className="viewer-area">
      <ImageViewer
        ref={p.viewerRef}
        image={p.pixels}
        preload={p.preload}
        view={p.view}
        onViewChange={p.onViewChange}
        leftTool={p.leftTool}
        onImagePointer={p.editable ? p.editor.onImagePointer : undefined}
        drawOverlay={p.editor.drawOverlay}
        overlayVersion={p.editor.overlayVersion}
        drawScene={p.editor.drawScene}
        sceneVersion={p.editor.sceneVersion}
        boxOutlines={p.editor.boxOutlines}
        cursor={p.leftTool === 'annotate' && p.editable ? p.editor.cursor : undefined}
        corners={p.corners}
        label="Radiograph"
        className="reading-viewer"
      />
      {p.children !== undefined && <div className="viewer-banners">{p.children}</div>}
      {p.loading && p.error === null && (
        <div className="viewer-loading" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Loading image…
        </div>
      )}
      {p.error !== null && (
        <div className="viewer-error" role="alert">
          The image could not be loaded: {p.error}
        </div>
      )}
      {p.popover !== null && anchor !== null && (
        <LabelPopover
          key={`${p.popover.title}-${p.popover.rect.xMin}-${p.popover.rect.yMin}`}
          labels={p.labels}
          colorOf={p.colorOf}
          anchor={anchor}
          bounds={size}
          {...(p.popover.current !== undefined ? { current: p.popover.current } : {})}
          title={p.popover.title}
          onChoose={p.popover.onChoose}
          onCancel={p.popover.onCancel}
        />
      )}
    </div>
  );
}
