/**
 * OpenCV's `equalizeHist` as a table: the cumulative histogram without the first occupied bin,
 * scaled by 255 / (N - count(first bin)), rounded to nearest (cvRound: half to even).
 * `histogram` has 256 bins of 8-bit values.
 */
export function equalizationTable(histogram: ArrayLike<number>): Uint8Array {
  const table = new Uint8Array(256);
  let total = 0;
  for (let i = 0; i < 256; i++) total += histogram[i]!;
  let first = 0;
  while (first < 255 && histogram[first] === 0) first++;
  if (histogram[first] === total) {
    table.fill(first);
    return table;
  }
  const scale = 255 / (total - histogram[first]!);
  let sum = 0;
  for (let i = first + 1; i < 256; i++) {
    sum += histogram[i]!;
    table[i] = Math.min(255, roundHalfEven(sum * scale));
  }
  return table;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
