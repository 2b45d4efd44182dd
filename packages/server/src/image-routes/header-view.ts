// What the viewer needs from an image's stored header_json: its window presets and key header values.
// The JSON is read defensively: anything of the wrong shape is left out rather than sent. Shared by the
// task, review and image views.

import type { Image } from '../db/database.js';

export interface WindowView {
  name: string;
  center: number;
  width: number;
}

export interface HeaderView {
  windows: WindowView[];
  keyValues: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function headerView(headerJson: string): HeaderView {
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerJson);
  } catch {
    return { windows: [], keyValues: {} };
  }
  if (!isRecord(parsed)) return { windows: [], keyValues: {} };
  const windows: WindowView[] = [];
  if (Array.isArray(parsed['windows'])) {
    for (const w of parsed['windows']) {
      // a window needs a positive width (PS3.3 C.11.2.1.2: Window Width >= 1)
      if (isRecord(w) && typeof w['name'] === 'string' && Number.isFinite(w['center']) && Number.isFinite(w['width']) && (w['width'] as number) > 0) {
        windows.push({ name: w['name'], center: w['center'] as number, width: w['width'] as number });
      }
    }
  }
  const keyValues: Record<string, string> = {};
  if (isRecord(parsed['keyValues'])) {
    for (const [key, value] of Object.entries(parsed['keyValues'])) if (typeof value === 'string') keyValues[key] = value;
  }
  return { windows, keyValues };
}

/** What a reader's views say of an image: never its path. */
export interface ImageView extends HeaderView {
  id: number;
  imageId: string;
  width: number;
  height: number;
  bitsStored: number;
  photometric: string;
}

export function imageView(image: Pick<Image, 'id' | 'image_id' | 'width' | 'height' | 'bits_stored' | 'photometric' | 'header_json'>): ImageView {
  const header = headerView(image.header_json);
  return { id: image.id, imageId: image.image_id, width: image.width, height: image.height, bitsStored: image.bits_stored, photometric: image.photometric, windows: header.windows, keyValues: header.keyValues };
}
