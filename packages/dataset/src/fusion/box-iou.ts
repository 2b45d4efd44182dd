// Area and intersection over union of two pixel boxes, in the same arithmetic order as ensemble_boxes.
import type { Box } from '../model/annotations.js';

/** Width times height; 0 for a degenerate box. */
export function boxArea(b: Box): number {
  return (b.xMax - b.xMin) * (b.yMax - b.yMin);
}

/**
 * Intersection over union of `a` (a cluster's fused box) and `b` (the candidate), 0 when they do
 * not overlap. Scale-invariant: stretching x by W and y by H multiplies every area by W*H, so pixel
 * and normalised [0, 1] coordinates give the same IoU up to floating point. NaN when both boxes are
 * degenerate; the fusion drops zero-area boxes before it gets here.
 */
export function boxIou(a: Box, b: Box): number {
  const w = Math.max(Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin), 0);
  const h = Math.max(Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin), 0);
  const inter = w * h;
  return inter / (boxArea(a) + boxArea(b) - inter);
}
