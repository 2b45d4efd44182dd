// The display windows a header offers: Window Center / Width pairs, named by their explanations.
import { getNumbers, getStrings, type DataSet } from '@cxrlab/dicom';

/** A window the viewer can offer (modality values: the centre and width apply after the rescale). */
export interface WindowPreset {
  name: string;
  center: number;
  width: number;
}

const WINDOW_CENTER = 0x00281050;
const WINDOW_WIDTH = 0x00281051;
const WINDOW_EXPLANATION = 0x00281055;

/**
 * The header's windows, one per Window Center / Width pair (the shorter list decides how many), named by
 * Window Center & Width Explanation or else `Header N` (N the pair's 1-based position). A pair whose width
 * is not a positive finite number, or whose centre is not finite, is left out.
 */
export function headerWindows(ds: DataSet): WindowPreset[] {
  const centers = getNumbers(ds, WINDOW_CENTER);
  const widths = getNumbers(ds, WINDOW_WIDTH);
  const names = getStrings(ds, WINDOW_EXPLANATION);
  const windows: WindowPreset[] = [];
  for (let i = 0; i < Math.min(centers.length, widths.length); i++) {
    const center = centers[i]!;
    const width = widths[i]!;
    if (!Number.isFinite(center) || !Number.isFinite(width) || width <= 0) continue;
    windows.push({ name: names[i]?.trim() || `Header ${i + 1}`, center, width });
  }
  return windows;
}
