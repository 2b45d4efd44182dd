// Average precision by all-point interpolation (Pascal VOC 2010 and later) from a ranked list of hits.

/**
 * AP of detections ranked best first, given whether each one is a true positive and how many
 * ground-truth objects there are: the area under the precision/recall curve after precision is made
 * monotonically decreasing (at each rank, the best precision at that rank or any later one),
 * integrated at every recall step (VOC 2010+ "all-point", not VOC 2007's 11 points). Recall rises
 * by 1/gtCount at each true positive, so AP = (sum of the envelope at the true positives) / gtCount.
 * No detections gives 0; gtCount <= 0 gives NaN (AP is undefined without ground truth).
 */
export function averagePrecision(isTruePositive: ArrayLike<boolean | number>, gtCount: number): number {
  if (!(gtCount > 0)) return NaN;
  const n = isTruePositive.length;
  const precision = new Float64Array(n);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    if (isTruePositive[i]) hits++;
    precision[i] = hits / (i + 1);
  }
  if (hits > gtCount) throw new RangeError(`averagePrecision: ${hits} true positives for ${gtCount} ground-truth objects`);
  let envelope = 0;
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    envelope = Math.max(envelope, precision[i]!);
    if (isTruePositive[i]) sum += envelope;
  }
  return sum / gtCount;
}
