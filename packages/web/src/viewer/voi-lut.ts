// The linear VOI function of DICOM PS3.3 C.11.2.1.2.1 (Window Center / Window Width, function LINEAR), the
// reference for every windowing computation of the viewer (the fragment shader does the same arithmetic):
//
//   if      x <= c - 0.5 - (w - 1) / 2   then y = ymin
//   else if x >  c - 0.5 + (w - 1) / 2   then y = ymax
//   else    y = ((x - (c - 0.5)) / (w - 1) + 0.5) * (ymax - ymin) + ymin
//
// with x the modality value (here: sample - offset), c the centre and w >= 1 the width. With
// lower = c - 0.5 - (w - 1) / 2 the middle line is y = (x - lower) / (w - 1) on [0, 1], which is what the
// shader computes (with w = 1 a threshold at `lower`).
import type { VoiWindow } from './types.js';

/** PS3.3 C.11.2.1.2: Window Width shall be >= 1. */
export const MIN_WINDOW_WIDTH = 1;

/** The window with its width raised to 1 when it is less (a header may carry 0 < width < 1). */
export function validWindow(window: VoiWindow): VoiWindow {
  return window.width >= MIN_WINDOW_WIDTH ? window : { center: window.center, width: MIN_WINDOW_WIDTH };
}

/** y for the modality value x, exactly as the standard writes it. */
export function voiLinear(x: number, window: VoiWindow, yMin = 0, yMax = 1): number {
  const { center: c, width: w } = validWindow(window);
  if (x <= c - 0.5 - (w - 1) / 2) return yMin;
  if (x > c - 0.5 + (w - 1) / 2) return yMax;
  return ((x - (c - 0.5)) / (w - 1) + 0.5) * (yMax - yMin) + yMin;
}

/** The window as the shader takes it: in sample units (modality + offset), y = clamp((s - lower) / span, 0, 1). */
export interface SampleWindow {
  /** The largest sample that maps to ymin. */
  lower: number;
  /** w - 1: the samples from lower to lower + span rise linearly; 0 = a threshold at lower. */
  span: number;
}

export function sampleWindow(window: VoiWindow, offset: number): SampleWindow {
  const { center: c, width: w } = validWindow(window);
  return { lower: c - 0.5 - (w - 1) / 2 + offset, span: w - 1 };
}

/** The shader's arithmetic on the CPU (0..1): equals voiLinear(s - offset, window) for every sample s. */
export function windowSample(s: number, sw: SampleWindow): number {
  if (sw.span <= 0) return s > sw.lower ? 1 : 0;
  return Math.min(1, Math.max(0, (s - sw.lower) / sw.span));
}

/** The window that maps the modality value `lo` to ymin and `hi` to ymax (lo < hi; equal values give width 1). */
export function windowFromRange(lo: number, hi: number): VoiWindow {
  if (hi < lo) [lo, hi] = [hi, lo];
  return { center: (lo + hi) / 2 + 0.5, width: hi - lo + 1 };
}

/** The modality values a window maps to ymin and ymax (the inverse of windowFromRange). */
export function windowRange(window: VoiWindow): { lo: number; hi: number } {
  const { center: c, width: w } = validWindow(window);
  return { lo: c - 0.5 - (w - 1) / 2, hi: c - 0.5 + (w - 1) / 2 };
}
