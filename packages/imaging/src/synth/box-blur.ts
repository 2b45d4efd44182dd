/**
 * In-place separable box blur of a row-major float image, repeated `passes` times (three passes
 * approximate a Gaussian of sigma ~ radius). Edges are replicated. Cost is independent of radius.
 */
export function boxBlur(data: Float32Array, rows: number, columns: number, radius: number, passes = 3): void {
  const r = Math.max(0, Math.round(radius));
  if (r === 0) return;
  const line = new Float32Array(Math.max(rows, columns));
  const sums = new Float64Array(columns);
  for (let p = 0; p < passes; p++) {
    blurRows(data, rows, columns, r, line);
    blurColumns(data, rows, columns, r, sums);
  }
}

function blurRows(data: Float32Array, rows: number, columns: number, r: number, line: Float32Array): void {
  const norm = 1 / (2 * r + 1);
  const last = columns - 1;
  for (let y = 0; y < rows; y++) {
    const o = y * columns;
    for (let x = 0; x < columns; x++) line[x] = data[o + x]!;
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += line[Math.min(last, Math.max(0, k))]!;
    for (let x = 0; x < columns; x++) {
      data[o + x] = sum * norm;
      sum += line[Math.min(last, x + r + 1)]! - line[Math.max(0, x - r)]!;
    }
  }
}

/** The vertical pass, row by row with a running sum per column (cache friendly). */
function blurColumns(data: Float32Array, rows: number, columns: number, r: number, sums: Float64Array): void {
  const norm = 1 / (2 * r + 1);
  const last = rows - 1;
  const source = data.slice();
  sums.fill(0);
  for (let k = -r; k <= r; k++) {
    const o = Math.min(last, Math.max(0, k)) * columns;
    for (let x = 0; x < columns; x++) sums[x]! += source[o + x]!;
  }
  for (let y = 0; y < rows; y++) {
    const o = y * columns;
    const add = Math.min(last, y + r + 1) * columns;
    const sub = Math.max(0, y - r) * columns;
    for (let x = 0; x < columns; x++) {
      data[o + x] = sums[x]! * norm;
      sums[x]! += source[add + x]! - source[sub + x]!;
    }
  }
}
