// The viewer: pixels, windowing, viewport, the WebGL2 canvas.
export type { ImagePoint, ImagePointerEvent, LeftTool, PixelImage, ToScreen, ViewState, Viewport, VoiWindow, WindowPreset } from './types.js';
export { ImageViewer, type ImageViewerProps } from './ImageViewer.js';
export { loadPixels, prefetchPixels, cachedPixels } from './pixel-store.js';
export { windowPresets, defaultWindow } from './window-presets.js';
