// PLACEHOLDER (viewer/ owns it): the window presets of an image.
import type { PixelImage, VoiWindow, WindowPreset } from './types.js';

/** The header's windows (first), then Lung, Mediastinum, Bone, and the full range of the data. */
export function windowPresets(image: PixelImage, header: readonly { name: string; center: number; width: number }[]): WindowPreset[] {
  void image;
  void header;
  return [];
}

/** The window an image opens with: the header's first, else the full range. */
export function defaultWindow(image: PixelImage, header: readonly { name: string; center: number; width: number }[]): VoiWindow {
  void header;
  return { center: (image.min + image.max) / 2 - image.offset, width: Math.max(1, image.max - image.min) };
}
