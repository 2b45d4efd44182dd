import type { PixelArray } from '@cxrlab/imaging';
import type { PixelBox } from '../pixel-box.js';

/** Cells of the refinement: steps count only where their cell has steps of both orientations. */
const CELL = 16;

/** What counts as a step when tightening a box around text already found. */
export interface BoxSteps {
  threshold: number;
  /**
   * Smaller steps also count when one side is `low` or `high` (the ends of the stored range,
   * where consoles burn text): strokes over a background of almost their own value stay faint
   * on screen but show plainly in a narrow window, so the box must hold them too.
   */
  extreme: { low: number; high: number; threshold: number };
}

/**
 * Turns a component's coarse window into a tight box around its strokes: the smallest box
 * holding both pixels of every step (BoxSteps; to the right or below) inside `window`, counting only steps in 16 x 16 cells that hold steps of both orientations, so that a
 * straight edge running past the text (a collimator border) does not stretch the box. Grown by
 * `padding`, clipped to the frame; undefined when no cell qualifies.
 */
export function stepBox(values: PixelArray, rows: number, columns: number, window: PixelBox, steps: BoxSteps, padding: number): PixelBox | undefined {
  const wx = Math.max(0, window.x);
  const wy = Math.max(0, window.y);
  const xEnd = Math.min(columns - 1, window.x + window.width);
  const yEnd = Math.min(rows - 1, window.y + window.height);
  if (xEnd <= wx || yEnd <= wy) return undefined;
  const gw = Math.ceil((xEnd - wx) / CELL);
  const cells = Math.ceil((yEnd - wy) / CELL) * gw;
  // Per cell: steps across, steps down, and the bounding box of its steps.
  const across = new Uint32Array(cells), down = new Uint32Array(cells);
  const { threshold, extreme: { low, high, threshold: small } } = steps;
  const isStep = (p: number, q: number): boolean => {
    const d = Math.abs(q - p);
    return d >= threshold || (d >= small && (p === low || p === high || q === low || q === high));
  };
  const x0 = new Int32Array(cells).fill(columns), y0 = new Int32Array(cells).fill(rows), x1 = new Int32Array(cells).fill(-1), y1 = new Int32Array(cells).fill(-1);
  for (let y = wy; y < yEnd; y++) {
    for (let x = wx, i = y * columns + x; x < xEnd; x++, i++) {
      const p = values[i]!;
      const a = isStep(p, values[i + 1]!);
      const d = isStep(p, values[i + columns]!);
      if (!a && !d) continue;
      const c = Math.floor((y - wy) / CELL) * gw + Math.floor((x - wx) / CELL);
      if (a) across[c]!++;
      if (d) down[c]!++;
      x0[c] = Math.min(x0[c]!, x); y0[c] = Math.min(y0[c]!, y);
      x1[c] = Math.max(x1[c]!, a ? x + 1 : x); y1[c] = Math.max(y1[c]!, d ? y + 1 : y);
    }
  }
  let bx0 = columns, by0 = rows, bx1 = -1, by1 = -1;
  for (let c = 0; c < cells; c++) {
    if (across[c] === 0 || down[c] === 0) continue;
    bx0 = Math.min(bx0, x0[c]!); by0 = Math.min(by0, y0[c]!); bx1 = Math.max(bx1, x1[c]!); by1 = Math.max(by1, y1[c]!);
  }
  if (bx1 < 0) return undefined;
  const left = Math.max(0, bx0 - padding);
  const top = Math.max(0, by0 - padding);
  return { x: left, y: top, width: Math.min(columns, bx1 + 1 + padding) - left, height: Math.min(rows, by1 + 1 + padding) - top };
}
