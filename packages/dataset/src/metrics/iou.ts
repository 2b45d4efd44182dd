// Intersection over union of two corner boxes, on continuous coordinates.
import type { Box } from '../model/annotations.js';

/**
 * IoU of two boxes given by their corners. Coordinates are continuous: a box is `xMax - xMin` wide,
 * NOT `xMax - xMin + 1` as in the Pascal VOC devkit's pixel-index convention (pycocotools does as
 * here). Disjoint boxes, boxes that only touch along an edge or at a corner, zero-area boxes and
 * inverted boxes (xMax < xMin) all give 0.
 */
export function iou(a: Box, b: Box): number {
  const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  if (!(width > 0)) return 0;
  const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  if (!(height > 0)) return 0;
  const intersection = width * height;
  const union = (a.xMax - a.xMin) * (a.yMax - a.yMin) + (b.xMax - b.xMin) * (b.yMax - b.yMin) - intersection;
  return union > 0 ? intersection / union : 0;
}
