import type { PixelArray } from '@cxrlab/imaging';

/** Per-cell counts of sharp steps: `across` from a pixel to its right neighbour, `down` to the one below. */
export interface StepCells {
  /** Cell size in pixels (a power of two). */
  cell: number;
  gridColumns: number;
  gridRows: number;
  across: Uint16Array;
  down: Uint16Array;
}

/**
 * Counts, per `cell` x `cell` block, the steps of at least `threshold` between a pixel and its
 * right neighbour (`across`) and between it and the pixels above and below (`down`). Only every
 * second row is visited, which halves the cost: a stroke is at least one pixel high, so each of
 * its horizontal edges touches a visited row from above or below, and each vertical edge at least
 * one pixel high is crossed on most rows it spans. This is the only loop over every pixel of
 * detection, so it is kept branch-light.
 */
export function countSteps(values: PixelArray, rows: number, columns: number, threshold: number, cellShift: number): StepCells {
  const cell = 1 << cellShift;
  const gridColumns = Math.ceil(columns / cell);
  const gridRows = Math.ceil(rows / cell);
  const across = new Uint16Array(gridColumns * gridRows);
  const down = new Uint16Array(gridColumns * gridRows);
  const t = threshold;
  for (let y = 1; y < rows - 1; y += 2) {
    const row = y * columns;
    const cellRow = (y >> cellShift) * gridColumns;
    for (let cx = 0; cx < gridColumns; cx++) {
      const start = row + (cx << cellShift);
      const end = row + Math.min((cx + 1) << cellShift, columns - 1);
      let a = 0;
      let d = 0;
      let p = values[start]!;
      for (let i = start; i < end; i++) {
        const right = values[i + 1]!;
        a += Math.abs(right - p) >= t ? 1 : 0;
        d += (Math.abs(values[i + columns]! - p) >= t ? 1 : 0) + (Math.abs(values[i - columns]! - p) >= t ? 1 : 0);
        p = right;
      }
      across[cellRow + cx]! += a;
      down[cellRow + cx]! += d;
    }
  }
  return { cell, gridColumns, gridRows, across, down };
}
