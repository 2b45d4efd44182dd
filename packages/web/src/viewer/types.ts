// The viewer's data model (owned by viewer/; the reading and review views use it as is).
import type { SampleHistogram } from './histogram.js';

/** A decoded /api/images/:id/pixels blob: full-depth samples after the modality LUT. */
export interface PixelImage {
  /** The image row id (/api/images/:id). */
  id: number;
  width: number;
  height: number;
  bitsStored: number;
  /** The viewer inverts MONOCHROME1 (so that bone is white) unless the user inverts again. */
  monochrome1: boolean;
  /** Modality value = sample - offset. */
  offset: number;
  /** Smallest and largest sample. */
  min: number;
  max: number;
  /** width * height uint16 samples, row by row. */
  samples: Uint16Array;
  /** One bin per sample value from min to max (made by the decoder; window-presets.ts computes it when absent). */
  histogram?: SampleHistogram;
  /** Box-averaged half, quarter... resolution copies, for drawing without aliasing when zoomed out (made by the decoder). */
  levels?: readonly PixelLevel[];
}

/** A reduced copy of an image: sample (i, j) is the rounded mean of image pixels [i*factor, (i+1)*factor) x [j*factor, ...). */
export interface PixelLevel {
  /** 2, 4, 8... image pixels per level pixel along each axis. */
  factor: number;
  width: number;
  height: number;
  samples: Uint16Array;
}

/** A VOI window in modality units (DICOM PS3.3 C.11.2.1.2, linear). */
export interface VoiWindow {
  center: number;
  width: number;
}

export interface WindowPreset extends VoiWindow {
  /** 'Header', 'Header 2', 'Lung', 'Mediastinum', 'Bone', 'Full range'. */
  name: string;
  /** Where it came from: the DICOM header (its explanation when given) or the built-in presets. */
  source: 'header' | 'preset' | 'data';
}

/** Image to screen (CSS px inside the viewer): screenX = x + imageX * scale, screenY = y + imageY * scale. */
export interface Viewport {
  scale: number;
  x: number;
  y: number;
}

export interface ViewState {
  window: VoiWindow;
  /** The user's invert toggle (on top of MONOCHROME1's own inversion). */
  invert: boolean;
  viewport: Viewport;
}

/** A point in image pixel coordinates (0,0 is the top-left corner of the top-left pixel). */
export interface ImagePoint {
  x: number;
  y: number;
}

/** A pointer event on the viewer, in image and screen coordinates. */
export interface ImagePointerEvent {
  type: 'down' | 'move' | 'up' | 'cancel';
  image: ImagePoint;
  /** CSS px relative to the viewer's top-left corner. */
  screen: ImagePoint;
  /** The image pixels per screen px (1 / scale): for hit tolerances given in screen px. */
  imagePerScreen: number;
  button: number;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** PointerEvent.buttons (0 on a hover 'move': in 'annotate' the viewer also reports moves with no button down). */
  buttons?: number;
}

/** What the left mouse button does; the right button always windows, the middle one pans, the wheel zooms. */
export type LeftTool = 'annotate' | 'pan' | 'window' | 'zoom';

/** Maps an image point to the screen. */
export type ToScreen = (x: number, y: number) => [number, number];

/** A box outline drawn by the viewer in its image pass (ImageViewerProps.boxOutlines), in image px. */
export interface BoxOutline {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** '#rrggbb' (or '#rgb', '#rrggbbaa'). */
  color: string;
  /** Opacity, default 1. */
  alpha?: number;
}

/** Box outlines stroked in WebGL with the image's own view (one draw call); a new object rebuilds the buffer. */
export interface BoxOutlines {
  boxes: readonly BoxOutline[];
  /** Stroke width in CSS px (default 1.5). */
  lineWidth?: number;
  /** A dark outline under the lines, so that they stay visible over bright bone (default true). */
  halo?: boolean;
}
