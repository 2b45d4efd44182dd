// Scales and ticks for the hand-written SVG charts: a linear map from values to pixels, "nice" tick
// values (1, 2 or 5 times a power of ten) and the geometry of plain and stacked horizontal bars.

export type Domain = readonly [number, number];

/** A linear map of `domain` onto `range` (a degenerate domain maps everything to range[0]). */
export function linearScale(domain: Domain, range: Domain): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => r0;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** The tick step for about `maxTicks` intervals over `span`: 1, 2 or 5 times a power of ten. */
export function niceStep(span: number, maxTicks = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rounds away floating-point noise (0.30000000000000004 -> 0.3) to the step's decimals. */
const clean = (value: number, step: number): number => {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const out = Number(value.toFixed(decimals));
  return Object.is(out, -0) ? 0 : out;
};

/** Nice ticks covering [min, max]: the first <= min, the last >= max, evenly spaced. */
export function niceTicks(min: number, max: number, maxTicks = 5): number[] {
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) / 2;
    [min, max] = [Math.min(0, min - pad), Math.max(0, max + pad)];
  }
  const step = niceStep(max - min, maxTicks);
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step * 1e-9; i++) ticks.push(clean(first + i * step, step));
  return ticks;
}

/** The domain a bar chart of `values` uses: always including 0, widened to nice ticks, or `fixed` when given. */
export function barDomain(values: readonly (number | null)[], fixed?: Domain): { domain: Domain; ticks: number[] } {
  if (fixed !== undefined) {
    const eps = (fixed[1] - fixed[0]) * 1e-9;
    return { domain: fixed, ticks: niceTicks(fixed[0], fixed[1]).filter((t) => t >= fixed[0] - eps && t <= fixed[1] + eps) };
  }
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(0, ...known);
  const hi = Math.max(0, ...known);
  const ticks = niceTicks(lo, hi === lo ? lo + 1 : hi);
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

/** A horizontal bar from the zero line to `value`: left edge and width in pixels (negative values go left). */
export function barExtent(value: number, scale: (v: number) => number, domain: Domain): { x: number; width: number } {
  const zero = scale(Math.min(Math.max(0, domain[0]), domain[1]));
  const end = scale(Math.min(Math.max(value, domain[0]), domain[1]));
  return { x: Math.min(zero, end), width: Math.abs(end - zero) };
}

/** Stacked segments of `values` (each >= 0) laid end to end from `x0`, scaled so that `total` spans `width`. */
export function stackSegments(values: readonly number[], total: number, x0: number, width: number): { x: number; width: number }[] {
  const scale = total > 0 ? width / total : 0;
  let x = x0;
  return values.map((v) => {
    const w = Math.max(0, v) * scale;
    const segment = { x, width: w };
    x += w;
    return segment;
  });
}

/** The width of a label column: about `charPx` a character, between `min` and `max` pixels. */
export function labelColumnWidth(labels: readonly string[], charPx = 7, min = 60, max = 240): number {
  const longest = labels.reduce((n, l) => Math.max(n, l.length), 0);
  return Math.min(max, Math.max(min, Math.ceil(longest * charPx) + 12));
}
