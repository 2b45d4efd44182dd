export interface StoredPixelOptions {
  rows: number;
  columns: number;
  bitsStored: number;
  /** MONOCHROME1: bone low. */
  invert: boolean;
  /** Quantum noise at mid grey, as a fraction of the range. */
  noise: number;
  /** Collimation margins top, bottom, left, right (fractions of the image). */
  collimation: readonly [number, number, number, number];
  seed: number;
}

export interface StoredPixels {
  pixels: Uint16Array;
  windowCenter: number;
  windowWidth: number;
  smallestValue: number;
  largestValue: number;
}

/** Display value (0 black .. 1 white, MONOCHROME2 sense) of the collimated border. */
const COLLIMATED = 0.94;

/**
 * Turns attenuation on the working grid into stored values at full size: percentile
 * normalisation, bilinear interpolation, signal-dependent quantum noise, the collimation
 * border, quantisation to Bits Stored (inverted for MONOCHROME1), and a window from the histogram.
 */
export function toStoredPixels(attenuation: Float32Array, wr: number, wc: number, o: StoredPixelOptions): StoredPixels {
  const { lo, hi } = percentiles(attenuation, 0.002, 0.998);
  const gain = 0.86 / (hi - lo);
  const display = new Float32Array(attenuation.length);
  for (let i = 0; i < display.length; i++) display[i] = 0.06 + (attenuation[i]! - lo) * gain;

  const maxValue = 2 ** o.bitsStored - 1;
  // Fewer photons behind more attenuation: noise grows with the display value.
  const sigma = new Float32Array(1025);
  for (let i = 0; i <= 1024; i++) sigma[i] = (o.noise * Math.exp(1.6 * (i / 1024 - 0.5)) * maxValue) / Math.sqrt(1 / 6);
  const xs = axis(o.columns, wc);
  const ys = axis(o.rows, wr);
  const colX = border(o.columns, o.collimation[2], o.collimation[3]);
  const colY = border(o.rows, o.collimation[0], o.collimation[1]);
  const pixels = new Uint16Array(o.rows * o.columns);
  const inField = new Uint32Array(maxValue + 1);
  const top = maxValue + 1;
  let smallestValue = maxValue;
  let largestValue = 0;
  let s = o.seed >>> 0 || 1;
  const { rows, columns, invert } = o;
  const xi0 = xs.i0;
  const xw = xs.w;
  for (let y = 0; y < rows; y++) {
    const y0 = ys.i0[y]!;
    const fy = ys.w[y]!;
    const r0 = y0 * wc;
    const r1 = Math.min(y0 + 1, wr - 1) * wc;
    const cy = colY[y]!;
    const o0 = y * columns;
    for (let x = 0; x < columns; x++) {
      const x0 = xi0[x]!;
      const x1 = x0 + 1 < wc ? x0 + 1 : x0;
      const fx = xw[x]!;
      const a = display[r0 + x0]! + (display[r0 + x1]! - display[r0 + x0]!) * fx;
      const b = display[r1 + x0]! + (display[r1 + x1]! - display[r1 + x0]!) * fx;
      const w = cy * colX[x]!;
      const d = w === 1 ? a + (b - a) * fy : (a + (b - a) * fy) * w + COLLIMATED * (1 - w);
      s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
      const triangular = ((s & 0xffff) + (s >>> 16)) * (1 / 65535) - 1;
      const di = d <= 0 ? 0 : d >= 1 ? 1024 : (d * 1024) | 0;
      const f = d * maxValue + triangular * sigma[di]! * (0.3 + 0.7 * w) + 0.5;
      let v = f < 0 ? 0 : f >= top ? maxValue : f | 0;
      if (invert) v = maxValue - v;
      pixels[o0 + x] = v;
      if (v < smallestValue) smallestValue = v;
      if (v > largestValue) largestValue = v;
      if (w > 0.99) inField[v]!++;
    }
  }
  const [pLo, pHi] = histogramPercentiles(inField, 0.005, 0.995);
  const windowWidth = Math.max(2, pHi - pLo + 1);
  return { pixels, windowCenter: Math.round((pLo + pHi + 1) / 2), windowWidth, smallestValue, largestValue };
}

/** For each output index, the working-grid cell to its left/top and the interpolation weight. */
function axis(n: number, work: number): { i0: Int32Array; w: Float32Array } {
  const i0 = new Int32Array(n);
  const w = new Float32Array(n);
  const scale = work / n;
  for (let i = 0; i < n; i++) {
    const f = Math.min(work - 1, Math.max(0, (i + 0.5) * scale - 0.5));
    i0[i] = Math.floor(f);
    w[i] = f - i0[i]!;
  }
  return { i0, w };
}

/** 1 inside the exposed field, 0 under the collimator blades, a short penumbra between. */
function border(n: number, start: number, end: number): Float32Array {
  const out = new Float32Array(n);
  const a = start * n;
  const b = n - end * n;
  const penumbra = Math.max(1, n * 0.0015);
  for (let i = 0; i < n; i++) {
    const p = i + 0.5;
    const inner = Math.min(start > 0 ? (p - a) / penumbra : 1, end > 0 ? (b - p) / penumbra : 1);
    out[i] = inner <= 0 ? 0 : inner >= 1 ? 1 : inner;
  }
  return out;
}

function percentiles(data: Float32Array, pLo: number, pHi: number): { lo: number; hi: number } {
  const stride = Math.max(1, Math.floor(data.length / 65536));
  const sample = new Float32Array(Math.ceil(data.length / stride));
  for (let i = 0, j = 0; i < data.length; i += stride) sample[j++] = data[i]!;
  sample.sort();
  const at = (p: number): number => sample[Math.min(sample.length - 1, Math.floor(p * (sample.length - 1)))]!;
  return { lo: at(pLo), hi: at(pHi) };
}

/** The values at which the cumulative count first reaches each fraction. */
function histogramPercentiles(h: Uint32Array, pLo: number, pHi: number): [number, number] {
  let total = 0;
  for (let i = 0; i < h.length; i++) total += h[i]!;
  const find = (p: number): number => {
    const target = p * total;
    let sum = 0;
    for (let i = 0; i < h.length; i++) {
      sum += h[i]!;
      if (sum >= target) return i;
    }
    return h.length - 1;
  };
  return [find(pLo), find(pHi)];
}
