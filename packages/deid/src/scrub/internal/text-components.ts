import type { PixelBox } from '../pixel-box.js';
import type { StepCells } from './step-cells.js';

/** What a group of cells must show to be taken for text (see docs/deid.md, "Burned-in text"). */
export interface ComponentRules {
  /** A cell is "texty" with at least this many steps of each orientation. */
  cellSteps: number;
  /** Gaps of up to this many cells between texty cells of a row are bridged (letter and word spacing). */
  bridge: number;
  /** A component needs at least this many texty cells ... */
  minCells: number;
  /** ... at least this many steps of each orientation in all ... */
  minSteps: number;
  /** ... texty cells filling at least this fraction of its bounding box ... */
  minFill: number;
  /** ... and a bounding box at most this many cells wide and high: text is small beside the image. */
  maxWidth: number;
  maxHeight: number;
}

export interface CellComponent {
  /** Bounding box in cells. */
  box: PixelBox;
  cells: number;
  across: number;
  down: number;
}

/**
 * Marks texty cells, bridges short horizontal gaps (text runs along rows), labels 8-connected
 * groups of marked cells and keeps those that pass `rules`. Works on the small cell grid only.
 */
export function textComponents(steps: StepCells, rules: ComponentRules): CellComponent[] {
  const { gridColumns: gw, gridRows: gh, across, down } = steps;
  const mark = new Uint8Array(gw * gh); // 1 texty, 2 bridged gap
  for (let i = 0; i < mark.length; i++) if (across[i]! >= rules.cellSteps && down[i]! >= rules.cellSteps) mark[i] = 1;
  for (let y = 0; y < gh; y++) {
    let last = -Infinity;
    for (let x = 0; x < gw; x++) {
      if (mark[y * gw + x] !== 1) continue;
      if (x - last > 1 && x - last <= rules.bridge + 1) mark.fill(2, y * gw + last + 1, y * gw + x);
      last = x;
    }
  }
  const label = new Int32Array(gw * gh).fill(-1);
  const found: CellComponent[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mark.length; start++) {
    if (mark[start] !== 1 || label[start] !== -1) continue;
    let x0 = gw, y0 = gh, x1 = -1, y1 = -1, cells = 0, a = 0, d = 0;
    label[start] = start;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % gw;
      const y = (i - x) / gw;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      if (mark[i] === 1) cells++;
      a += across[i]!;
      d += down[i]!;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(gh - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(gw - 1, x + 1); nx++) {
          const n = ny * gw + nx;
          if (mark[n] !== 0 && label[n] === -1) {
            label[n] = start;
            stack.push(n);
          }
        }
      }
    }
    const box = { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
    const fill = cells / (box.width * box.height);
    const small = box.width <= rules.maxWidth && box.height <= rules.maxHeight;
    if (small && cells >= rules.minCells && a >= rules.minSteps && d >= rules.minSteps && fill >= rules.minFill) found.push({ box, cells, across: a, down: d });
  }
  return found;
}
