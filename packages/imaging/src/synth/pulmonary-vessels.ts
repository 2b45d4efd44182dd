import type { ChestGeometry } from './chest-geometry.js';
import { frameFor, toPixel } from './render-anatomy.js';
import { between, type Random } from './seeded-random.js';

interface Branch {
  x: number;
  y: number;
  angle: number;
  length: number;
  radius: number;
  depth: number;
}

/**
 * Pulmonary vessels: branching trees grown from each hilum, drawn as projected cylinders (path
 * length through the vessel, in fractions of the image width) where the lungs have air.
 */
export function pulmonaryVessels(g: ChestGeometry, rows: number, columns: number, air: Float32Array, rnd: Random): Float32Array {
  const out = new Float32Array(rows * columns);
  const f = frameFor(g, rows, columns);
  const unit = 1 / columns;
  const r0 = 0.0065 * columns;
  for (const side of [-1, 1]) {
    const lung = side < 0 ? g.right : g.left;
    const hilumY = g.hilumY - (side > 0 ? 0.015 : 0);
        const stack: Branch[] = [];
    // The hilum: pulmonary arteries and veins seen end on and overlapping, a lobulated density.
    for (let k = 0; k < 10; k++) {
      const [bx, by] = toPixel(f, side * (lung.medialD + between(rnd, 0.0, 0.03)), hilumY + between(rnd, -0.05, 0.05));
      stamp(out, rows, columns, bx, by, between(rnd, 0.008, 0.016) * columns, unit, 0.7);
    }
    for (const a of [-95, -110, -125, -140, -160, -175, 170, 155, 140, 125, 110, 95]) {
      const deg = side < 0 ? a : 180 - a;
      const [hx, hy] = toPixel(f, side * (lung.medialD + between(rnd, 0.02, 0.045)), hilumY + (a < 0 ? -1 : 1) * between(rnd, 0, 0.04));
      stack.push({ x: hx, y: hy, angle: ((deg + between(rnd, -12, 12)) * Math.PI) / 180 + g.tilt, length: between(rnd, 0.04, 0.07) * columns, radius: r0 * between(rnd, 0.6, 1), depth: 0 });
    }
    while (stack.length > 0) {
      const b = stack.pop()!;
      let { x, y, angle, radius } = b;
      const end = radius * 0.88;
      const steps = Math.max(1, Math.round(b.length / Math.max(1, radius * 0.6)));
      const step = b.length / steps;
      let outside = 0;
      for (let s = 0; s < steps; s++) {
        angle += between(rnd, -0.05, 0.05) * Math.sqrt(step);
        x += Math.cos(angle) * step;
        y += Math.sin(angle) * step;
        radius += (end - radius) / (steps - s);
        const xi = Math.round(x);
        const yi = Math.round(y);
        if (xi < 0 || yi < 0 || xi >= columns || yi >= rows) { outside = 99; break; }
        if (b.depth > 0 && air[yi * columns + xi]! < 0.03) outside++;
        if (outside > 3) break;
        // Thin vessels count for more than their size: CR processing enhances fine detail.
        stamp(out, rows, columns, x, y, radius, unit, 1.5 * Math.sqrt(r0 / Math.max(radius, 1)));
      }
      if (outside > 3 || radius < 0.5 || b.depth > 8) continue;
      const spread = between(rnd, 0.25, 0.55);
      stack.push({ x, y, angle: angle - spread, length: b.length * between(rnd, 0.75, 0.95), radius: radius * between(rnd, 0.78, 0.92), depth: b.depth + 1 });
      stack.push({ x, y, angle: angle + spread * between(rnd, 0.6, 1), length: b.length * between(rnd, 0.65, 0.9), radius: radius * between(rnd, 0.6, 0.8), depth: b.depth + 1 });
    }
  }
  return out;
}

/** The chord length through a cylinder of `radius` at each pixel around (cx, cy), kept as a maximum. */
function stamp(out: Float32Array, rows: number, columns: number, cx: number, cy: number, radius: number, unit: number, weight: number): void {
  const r = Math.max(radius, 0.5);
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(columns - 1, Math.ceil(cx + r));
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(rows - 1, Math.ceil(cy + r));
  const r2 = r * r;
  for (let y = y0; y <= y1; y++) {
    const dy = y - cy;
    for (let x = x0; x <= x1; x++) {
      const dx = x - cx;
      const rho2 = dx * dx + dy * dy;
      if (rho2 >= r2) continue;
      const v = weight * 2 * Math.sqrt(r2 - rho2) * unit;
      const i = y * columns + x;
      if (v > out[i]!) out[i] = v;
    }
  }
}
