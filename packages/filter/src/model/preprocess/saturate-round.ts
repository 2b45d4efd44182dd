// OpenCV's saturate_cast<uchar>(float): round to nearest, ties to even, then clamp to 0..255.

/**
 * `saturate_cast<uchar>(v)` for a float32 value `v` (held in a double): cvRound (x86 cvtss2si in its
 * default mode: nearest, ties to even), then clamped to 0..255. NaN and the infinities give 0: the
 * conversion yields INT_MIN ("integer indefinite"), which saturates to 0.
 */
export function saturateRound8(v: number): number {
  if (!Number.isFinite(v) || v <= 0.5) return 0;
  if (v >= 255.5) return 255;
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && (f & 1) === 1) ? f + 1 : f;
}
