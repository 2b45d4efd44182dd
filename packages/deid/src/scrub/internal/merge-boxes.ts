import type { PixelBox } from '../pixel-box.js';

function touch(a: PixelBox, b: PixelBox): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/**
 * Replaces boxes that overlap or touch by their union until none do, so every pixel belongs to
 * at most one box and each box is blanked with one background value. Sorted top to bottom, left to right.
 */
export function mergeBoxes(boxes: readonly PixelBox[]): PixelBox[] {
  const out = boxes.map((b) => ({ ...b }));
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (!touch(a, b)) continue;
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        out[i] = { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
        out.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return out.sort((a, b) => a.y - b.y || a.x - b.x);
}
