// Chance-corrected agreement: Cohen's kappa (two raters) and Fleiss' kappa (the same number of raters per item).

/**
 * Cohen's kappa from a square confusion table: table[i][j] = items rater A put in category i and
 * rater B in category j. kappa = (po - pe) / (1 - pe), po the observed agreement, pe the agreement
 * expected by chance from each rater's marginals. Computed on the integer counts:
 * (n * agreements - sum_i rowA_i * colB_i) / (n^2 - sum_i rowA_i * colB_i).
 * Degenerate cases: NaN when there are no items, and NaN when pe = 1, i.e. both raters put every
 * item in the same single category (kappa is 0/0 there: perfect agreement that chance explains
 * fully). Raters who each use one category but different ones get pe = 0, po = 0: kappa 0.
 */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): number {
  const m = table.length;
  const rows = new Array<number>(m).fill(0);
  const cols = new Array<number>(m).fill(0);
  let n = 0;
  let agreements = 0;
  for (let i = 0; i < m; i++) {
    const row = table[i]!;
    if (row.length !== m) throw new RangeError(`cohenKappa: the table is not square (row ${i} has ${row.length} cells, not ${m})`);
    for (let j = 0; j < m; j++) {
      const c = row[j]!;
      if (!(c >= 0)) throw new RangeError(`cohenKappa: count [${i}][${j}] is ${c}`);
      rows[i]! += c;
      cols[j]! += c;
      n += c;
      if (i === j) agreements += c;
    }
  }
  let chance = 0;
  for (let i = 0; i < m; i++) chance += rows[i]! * cols[i]!;
  const denominator = n * n - chance;
  return n === 0 || denominator === 0 ? NaN : (n * agreements - chance) / denominator;
}

/** Cohen's kappa of two raters' ratings of the same items (categories compared with ===); see cohenKappaFromTable. */
export function cohenKappa<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length !== b.length) throw new RangeError(`cohenKappa: ${a.length} ratings against ${b.length}`);
  const categories = new Map<T, number>();
  for (const x of [...a, ...b]) if (!categories.has(x)) categories.set(x, categories.size);
  const table = Array.from({ length: categories.size }, () => new Array<number>(categories.size).fill(0));
  for (let i = 0; i < a.length; i++) table[categories.get(a[i]!)!]![categories.get(b[i]!)!]! += 1;
  return cohenKappaFromTable(table);
}

/**
 * Fleiss' kappa (Fleiss 1971) for N items each rated by the same number k >= 2 of raters (not
 * necessarily the same people) into categories: counts[i][j] = raters who put item i in category j,
 * every row summing to k (binary labels: [negatives, positives]). kappa = (P - Pe) / (1 - Pe), P
 * the mean per-item agreement (sum_j n_ij^2 - k) / (k (k - 1)), Pe = sum_j p_j^2 with p_j the share
 * of all ratings in category j. NaN with no items, and NaN when Pe = 1: every rating of every item is
 * in one category (0/0, as for Cohen's). Throws when rows differ in sum or k < 2.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  if (counts.length === 0) return NaN;
  const m = counts[0]!.length;
  const k = counts[0]!.reduce((s, c) => s + c, 0);
  if (!(k >= 2)) throw new RangeError(`fleissKappa: ${k} ratings per item; at least 2 are needed`);
  const totals = new Array<number>(m).fill(0);
  let agreement = 0;
  counts.forEach((row, i) => {
    if (row.length !== m) throw new RangeError(`fleissKappa: item ${i} has ${row.length} categories, not ${m}`);
    let sum = 0;
    let squares = 0;
    row.forEach((c, j) => {
      if (!(c >= 0)) throw new RangeError(`fleissKappa: count [${i}][${j}] is ${c}`);
      sum += c;
      squares += c * c;
      totals[j]! += c;
    });
    if (sum !== k) throw new RangeError(`fleissKappa: item ${i} has ${sum} ratings, item 0 has ${k}; every item needs the same number`);
    agreement += (squares - k) / (k * (k - 1));
  });
  const ratings = counts.length * k;
  const squaredTotals = totals.reduce((s, t) => s + t * t, 0);
  if (squaredTotals === ratings * ratings) return NaN;
  const observed = agreement / counts.length;
  const chance = squaredTotals / (ratings * ratings);
  return (observed - chance) / (1 - chance);
}
