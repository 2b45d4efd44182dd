import type { StepCells } from './step-cells.js';

/** The same counts on cells twice as large: each coarse cell sums a 2 x 2 block of fine ones. */
export function coarsenCells(fine: StepCells): StepCells {
  const gridColumns = Math.ceil(fine.gridColumns / 2);
  const gridRows = Math.ceil(fine.gridRows / 2);
  const across = new Uint16Array(gridColumns * gridRows);
  const down = new Uint16Array(gridColumns * gridRows);
  for (let y = 0; y < fine.gridRows; y++) {
    const row = (y >> 1) * gridColumns;
    for (let x = 0; x < fine.gridColumns; x++) {
      const from = y * fine.gridColumns + x;
      const to = row + (x >> 1);
      across[to] = Math.min(65535, across[to]! + fine.across[from]!);
      down[to] = Math.min(65535, down[to]! + fine.down[from]!);
    }
  }
  return { cell: fine.cell * 2, gridColumns, gridRows, across, down };
}
