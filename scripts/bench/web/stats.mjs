// Summaries of samples (ms): n, median, p95, max.
import { median } from '../format.mjs';

/** The p-th percentile (0-100), nearest rank. */
export function percentile(xs, p) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function summary(xs) {
  return { n: xs.length, median: median(xs), p95: percentile(xs, 95), max: xs.length > 0 ? Math.max(...xs) : undefined };
}
