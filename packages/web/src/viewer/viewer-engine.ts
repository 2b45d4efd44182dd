// The imperative half of <ImageViewer>: owns the WebGL renderer, the annotation canvas, the corner texts, the
// input listeners and the frame loop. React hands it the latest props after every render (update); everything
// else happens in one requestAnimationFrame callback per change, so a window/level drag costs one draw per
// frame and no React render inside the viewer.
import { ImageRenderer } from './gl/image-renderer.js';
import type { ImageViewerHandle, ImageViewerProps } from './ImageViewer.js';
import { attachInteraction } from './interaction.js';
import { markFirstFrame, markWlFrame, markWlStart } from './perf-marks.js';
import { warmPixelWorker } from './pixel-worker-client.js';
import type { ImagePointerEvent, PixelImage, ToScreen, ViewState, VoiWindow } from './types.js';
import { cornerText, needsFit, sameView, sameWindow } from './view-state.js';
import { actualSizeViewport, fitViewport, sameViewport, zoomAround } from './viewport.js';

export interface ViewerElements {
  root: HTMLDivElement;
  glCanvas: HTMLCanvasElement;
  /** The static 2D layer (props.drawScene), under the interactive one. */
  sceneCanvas: HTMLCanvasElement;
  /** The interactive 2D layer (props.drawOverlay). */
  overlayCanvas: HTMLCanvasElement;
  bottomLeft: HTMLElement;
  bottomRight: HTMLElement;
  /** Shown when WebGL2 is missing or fails. */
  message: HTMLElement;
}

/** Samples uploaded per idle slice while preloading the next image (~2 MB, a few ms). */
const PRELOAD_SLICE_SAMPLES = 1 << 20;
/** Images kept on the GPU: the shown one, the preloaded one, and the one before (a page that passes image null
 * while it switches must not lose the preload). */
const GPU_IMAGES = 3;
/** How many views sent through onViewChange are remembered to recognise their late echoes in props.view. */
const ECHOES = 8;

export class ViewerEngine {
  readonly #el: ViewerElements;
  #renderer: ImageRenderer | null = null;
  #props: ImageViewerProps;
  #view: ViewState;
  #image: PixelImage | null = null;
  /** The image whose frame is on screen (data-image-id). */
  #shownId: number | null = null;
  #openingWindow: VoiWindow | null = null;
  /** The viewport fit() last set: a resize re-fits while the view still is that. */
  #fitted: ViewState['viewport'] | null = null;
  #reported: ViewState[] = [];
  #pendingReport = false;
  /** A gesture changed the view without reporting it yet (liveViewChanges off). */
  #unreported = false;
  /** The last props.view: only a new one can replace the shown view. */
  #propsView: ViewState;
  #overlayVersion: number | undefined;
  #sceneVersion: number | undefined;
  #outlines: ImageViewerProps['boxOutlines'] = null;
  #size = { cssW: 0, cssH: 0, devW: 0, devH: 0 };
  #dirtyImage = true;
  #dirtyOverlay = true;
  #dirtyScene = true;
  #raf = 0;
  #firstFramePending: number | null = null;
  /** cxr:wl-start's time while a window change waits for its frame, else null. */
  #wlStart: number | null = null;
  #preloadTimer: number | null = null;
  #detach: () => void;
  #resizeObserver: ResizeObserver;
  #corner = { bottomLeft: '', bottomRight: '' };
  #dataView = '';

  constructor(el: ViewerElements, props: ImageViewerProps) {
    this.#el = el;
    this.#props = props;
    this.#view = this.#propsView = props.view;
    warmPixelWorker();
    try {
      this.#renderer = new ImageRenderer(el.glCanvas);
    } catch (error) {
      this.#showMessage((error as Error).message);
    }
    el.glCanvas.addEventListener('webglcontextlost', this.#onContextLost);
    el.glCanvas.addEventListener('webglcontextrestored', this.#onContextRestored);
    this.#resizeObserver = new ResizeObserver(this.#onResize);
    try {
      this.#resizeObserver.observe(el.glCanvas, { box: 'device-pixel-content-box' });
    } catch {
      this.#resizeObserver.observe(el.glCanvas);
    }
    this.#detach = attachInteraction(el.root, {
      view: () => this.#view,
      image: () => this.#image,
      leftTool: () => this.#props.leftTool,
      changeView: (view, windowChange) => this.#changeView(view, windowChange, true),
      gestureEnd: () => {
        if (!this.#unreported) return;
        this.#unreported = false;
        this.#pendingReport = true;
        this.#schedule();
      },
      imagePointer: (event: ImagePointerEvent) => {
        const handler = this.#props.onImagePointer;
        if (!handler) return false;
        handler(event);
        return true;
      },
      dragCursor: (cursor) => {
        this.#el.root.style.cursor = cursor ?? this.#props.cursor ?? '';
      },
    });
    this.update(props);
  }

  /** The latest props, after every React render. */
  update(props: ImageViewerProps): void {
    const before = this.#props;
    this.#props = props;
    if (props.cursor !== before.cursor || before === props) this.#el.root.style.cursor = props.cursor ?? '';
    const image = props.image;
    if (image !== this.#image) {
      const newId = image !== null && image.id !== this.#image?.id;
      this.#image = image;
      this.#dirtyImage = this.#dirtyOverlay = this.#dirtyScene = true;
      if (image && newId) {
        this.#firstFramePending = image.id;
        this.#openingWindow = null;
      }
    }
    const changed = props.view !== this.#propsView;
    this.#propsView = props.view;
    if (changed && !sameView(props.view, this.#view) && !this.#reported.some((v) => sameView(v, props.view))) {
      if (!sameWindow(props.view.window, this.#view.window)) this.#windowRequested();
      if (!sameViewport(props.view.viewport, this.#view.viewport)) this.#dirtyOverlay = this.#dirtyScene = true;
      this.#view = props.view;
      this.#reported = [];
      this.#dirtyImage = true;
    }
    if (props.overlayVersion !== this.#overlayVersion) {
      this.#overlayVersion = props.overlayVersion;
      this.#dirtyOverlay = true;
    }
    if (props.sceneVersion !== this.#sceneVersion) {
      this.#sceneVersion = props.sceneVersion;
      this.#dirtyScene = true;
    }
    const outlines = props.boxOutlines ?? null;
    if (outlines !== this.#outlines) {
      this.#outlines = outlines;
      this.#renderer?.setBoxes(outlines);
      this.#dirtyImage = true;
    }
    if (this.#dirtyImage || this.#dirtyOverlay || this.#dirtyScene) this.#schedule();
    this.#scheduleUploads();
  }

  readonly handle: ImageViewerHandle = {
    fit: () => this.#fit(),
    actualSize: () => {
      const { cssW, cssH, devW } = this.#size;
      if (cssW > 0) this.#changeView({ ...this.#view, viewport: actualSizeViewport(this.#view.viewport, cssW, cssH, devW / cssW) }, false);
    },
    zoomBy: (factor: number) => {
      const { cssW, cssH } = this.#size;
      this.#changeView({ ...this.#view, viewport: zoomAround(this.#view.viewport, { x: cssW / 2, y: cssH / 2 }, factor) }, false);
    },
    reset: () => {
      const window = this.#openingWindow ?? this.#view.window;
      if (!sameWindow(window, this.#view.window)) this.#windowRequested();
      this.#view = { ...this.#view, window, invert: false };
      this.#fit();
    },
    size: () => ({ width: this.#size.cssW, height: this.#size.cssH }),
  };

  destroy(): void {
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.#cancelPreload();
    this.#detach();
    this.#resizeObserver.disconnect();
    this.#el.glCanvas.removeEventListener('webglcontextlost', this.#onContextLost);
    this.#el.glCanvas.removeEventListener('webglcontextrestored', this.#onContextRestored);
    this.#renderer?.dispose();
    this.#renderer = null;
  }

  #windowRequested(): void {
    if (this.#wlStart === null) this.#wlStart = markWlStart();
  }

  /** `gesture`: part of a drag or wheel burst, reported when it ends unless props.liveViewChanges. */
  #changeView(view: ViewState, windowChange: boolean, gesture = false): void {
    if (sameView(view, this.#view)) return;
    if (windowChange) this.#windowRequested();
    // the annotation layer depends on the viewport only: a W/L drag does not redraw it
    if (!sameViewport(view.viewport, this.#view.viewport)) this.#dirtyOverlay = this.#dirtyScene = true;
    this.#view = view;
    if (gesture && !this.#props.liveViewChanges) this.#unreported = true;
    else this.#pendingReport = true;
    this.#dirtyImage = true;
    this.#schedule();
  }

  #fit(): void {
    const image = this.#image;
    const { cssW, cssH } = this.#size;
    if (!image || cssW <= 0 || cssH <= 0) return;
    const viewport = fitViewport(image.width, image.height, cssW, cssH);
    this.#fitted = viewport;
    this.#changeView({ ...this.#view, viewport }, false);
    this.#pendingReport = true; // even when unchanged: a reset's window/invert
  }

  #schedule(): void {
    if (this.#raf === 0) this.#raf = requestAnimationFrame(this.#frame);
  }

  readonly #onResize = (entries: ResizeObserverEntry[]) => {
    const entry = entries[entries.length - 1];
    if (!entry) return;
    const cssW = entry.contentRect.width;
    const cssH = entry.contentRect.height;
    const dev = entry.devicePixelContentBoxSize?.[0];
    const dpr = window.devicePixelRatio || 1;
    // the device-pixel box is exact (pixel-snapped) where it agrees with css * dpr; DevTools' DPR emulation
    // leaves it at the CSS size, so a disagreement means: use css * dpr
    const exact = (d: number | undefined, css: number) => (d !== undefined && Math.abs(d - css * dpr) <= 1 ? d : Math.round(css * dpr));
    const devW = exact(dev?.inlineSize, cssW);
    const devH = exact(dev?.blockSize, cssH);
    const s = this.#size;
    if (s.cssW === cssW && s.cssH === cssH && s.devW === devW && s.devH === devH) return;
    const refit = this.#fitted !== null && sameViewport(this.#fitted, this.#view.viewport);
    this.#size = { cssW, cssH, devW, devH };
    if (refit) this.#fit();
    this.#dirtyImage = this.#dirtyOverlay = this.#dirtyScene = true;
    this.#schedule();
  };

  readonly #onContextLost = (e: Event) => {
    e.preventDefault(); // ask for a restore
    this.#renderer?.markLost();
  };

  readonly #onContextRestored = () => {
    try {
      this.#renderer?.restore();
    } catch (error) {
      this.#showMessage((error as Error).message);
    }
    this.#dirtyImage = true;
    this.#schedule();
  };

  #showMessage(text: string): void {
    this.#el.message.textContent = text;
    this.#el.message.hidden = text === '';
  }

  readonly #frame = () => {
    this.#raf = 0;
    const { glCanvas, sceneCanvas, overlayCanvas } = this.#el;
    const { cssW, cssH, devW, devH } = this.#size;
    for (const canvas of [glCanvas, sceneCanvas, overlayCanvas]) {
      if (canvas.width !== devW || canvas.height !== devH) {
        canvas.width = devW;
        canvas.height = devH;
      }
    }
    const image = this.#image;
    if (image && cssW > 0 && needsFit(this.#view)) this.#fit();
    if (image && this.#openingWindow === null) this.#openingWindow = this.#view.window;
    if (this.#pendingReport) {
      this.#pendingReport = false;
      this.#unreported = false;
      this.#reported.push(this.#view);
      if (this.#reported.length > ECHOES) this.#reported.shift();
      this.#props.onViewChange(this.#view);
    }
    const renderer = this.#renderer;
    let drew = false;
    if (this.#dirtyImage && renderer) {
      if (image && cssW > 0 && !needsFit(this.#view)) drew = renderer.draw({ image, view: this.#view, cssWidth: cssW, cssHeight: cssH });
      else renderer.clear();
    }
    this.#dirtyImage = false;
    const withImage = image !== null && !needsFit(this.#view);
    if (this.#dirtyScene) this.#drawLayer(sceneCanvas, withImage ? this.#props.drawScene : undefined);
    this.#dirtyScene = false;
    if (this.#dirtyOverlay) this.#drawLayer(overlayCanvas, withImage ? this.#props.drawOverlay : undefined);
    this.#dirtyOverlay = false;
    this.#updateText(image);
    if (!drew || !image) return;
    const first = this.#firstFramePending === image.id;
    if (first) this.#firstFramePending = null;
    if (this.#shownId !== image.id) {
      this.#shownId = image.id;
      this.#el.root.dataset['imageId'] = String(image.id);
    }
    if (first || this.#wlStart !== null) {
      renderer!.sync(); // the GPU is done with the frame: the marks measure it
      if (first) markFirstFrame(image.id);
      if (this.#wlStart !== null) markWlFrame(this.#wlStart);
      this.#wlStart = null;
    }
    this.#props.onFrame?.({ imageId: image.id, firstFrameOfImage: first });
    this.#scheduleUploads();
  };

  /** Clears a 2D layer and draws it (nothing more when it was and stays empty). */
  #drawLayer(canvas: HTMLCanvasElement, draw: ImageViewerProps['drawOverlay']): void {
    const empty = !draw || this.#size.cssW <= 0;
    if (empty && canvas.dataset['empty'] === String(canvas.width)) return;
    const ctx = context2d(canvas);
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    canvas.dataset['empty'] = empty ? String(canvas.width) : '';
    if (empty) return;
    ctx.setTransform(canvas.width / this.#size.cssW, 0, 0, canvas.height / this.#size.cssH, 0, 0);
    const { scale, x, y } = this.#view.viewport;
    const toScreen: ToScreen = (ix, iy) => [x + ix * scale, y + iy * scale];
    ctx.save();
    draw(ctx, toScreen, scale);
    ctx.restore();
  }

  #updateText(image: PixelImage | null): void {
    const root = this.#el.root;
    const { window: w, invert, viewport: v } = this.#view;
    const dataView = JSON.stringify({ window: { center: w.center, width: w.width }, invert, viewport: { scale: v.scale, x: v.x, y: v.y } });
    if (dataView !== this.#dataView) root.dataset['view'] = this.#dataView = dataView;
    if (!image) {
      if (this.#shownId !== null) {
        this.#shownId = null;
        delete root.dataset['imageId'];
      }
    }
    const text = image && !needsFit(this.#view) && this.#size.cssW > 0 ? cornerText(image, this.#view, this.#size.devW / this.#size.cssW) : { bottomLeft: '', bottomRight: '' };
    if (text.bottomLeft !== this.#corner.bottomLeft) this.#el.bottomLeft.textContent = this.#corner.bottomLeft = text.bottomLeft;
    if (text.bottomRight !== this.#corner.bottomRight) this.#el.bottomRight.textContent = this.#corner.bottomRight = text.bottomRight;
  }

  /**
   * In idle slices: the rest of the shown image's levels (a frame uploads only the level it draws), then
   * props.preload's textures, so that showing the next image costs only a draw.
   */
  #scheduleUploads(): void {
    const renderer = this.#renderer;
    if (!renderer || this.#preloadTimer !== null) return;
    const next = this.#props.preload ?? null;
    renderer.trim(GPU_IMAGES, [this.#image?.id, next?.id].filter((id): id is number => id !== undefined));
    const target = [this.#shownId !== null ? this.#image : null, next].find((image) => image && !renderer.has(image.id, image));
    if (!target) return;
    this.#preloadTimer = idle(() => {
      this.#preloadTimer = null;
      if (this.#renderer !== renderer) return;
      if (target === this.#image || target === this.#props.preload) renderer.uploadStep(target, PRELOAD_SLICE_SAMPLES);
      this.#scheduleUploads();
    });
  }

  #cancelPreload(): void {
    if (this.#preloadTimer !== null) cancelIdle(this.#preloadTimer);
    this.#preloadTimer = null;
  }
}

/**
 * The 2D layers (tags, the box being drawn, the selection: few shapes; the boxes' outlines are drawn in WebGL
 * by BoxRenderer) use the browser's default, GPU-rasterised canvas. A CPU-rasterised one
 * (`willReadFrequently`) was measured slower here, even on software GL: its bitmap is uploaded again at
 * every frame it changes (npm run bench:web --quick, back to back: W/L 90 against 70 ms, panning without
 * boxes 167 against 83 ms).
 */
function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d');
}

const idle = (fn: () => void): number => (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 500 }) : window.setTimeout(fn, 16));
const cancelIdle = (id: number): void => (typeof cancelIdleCallback === 'function' ? cancelIdleCallback(id) : window.clearTimeout(id));
