// The viewer: pixels, windowing, viewport, the WebGL2 canvas.
export type { BoxOutline, BoxOutlines, ImagePoint, ImagePointerEvent, LeftTool, PixelImage, PixelLevel, ToScreen, ViewState, Viewport, VoiWindow, WindowPreset } from './types.js';
export { ImageViewer, type ImageViewerHandle, type ImageViewerProps } from './ImageViewer.js';
export { loadPixels, prefetchPixels, cachedPixels, pixelsLoading, clearPixelCache, PIXEL_CACHE_IMAGES } from './pixel-store.js';
export { PixelBlobError, parsePixelBlob } from './pixel-blob.js';
export { windowPresets, defaultWindow, robustWindow, ATTENUATION_PRESETS } from './window-presets.js';
export { voiLinear, windowFromRange, windowRange, validWindow } from './voi-lut.js';
export { fitViewport, zoomAround, zoomTo, panBy, screenToImage, imageToScreen, actualSizeViewport, clampScale, MIN_SCALE, MAX_SCALE } from './viewport.js';
export { openingView, sameView, sameWindow, needsFit } from './view-state.js';
