// Downscaling 8-bit grey images by area averaging: each output pixel is the mean of the source area it covers.

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The size whose longer side is `maxSide` (never larger than the source), keeping the aspect ratio. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longer = Math.max(width, height);
  if (longer <= maxSide) return { width, height };
  const scale = maxSide / longer;
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Resizes to `width` x `height` (each at most the source's) by exact area averaging: source pixels partly
 * covered by an output pixel count by the fraction covered. Rounded half up.
 */
export function areaResize(src: GreyImage, width: number, height: number): GreyImage {
  if (width > src.width || height > src.height || width < 1 || height < 1) {
    throw new Error(`area averaging only shrinks: ${src.width}x${src.height} to ${width}x${height}`);
  }
  if (src.data.length !== src.width * src.height) throw new Error(`grey image of ${src.width}x${src.height} has ${src.data.length} samples`);
  const xs = coverage(src.width, width);
  const ys = coverage(src.height, height);
  // Horizontal pass: each source row to `width` sums.
  const rows = new Float64Array(src.height * width);
  for (let y = 0; y < src.height; y++) {
    const row = y * src.width;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = xs.first[x]!; k < xs.first[x + 1]!; k++) sum += src.data[row + xs.index[k]!]! * xs.weight[k]!;
      rows[y * width + x] = sum;
    }
  }
  // Vertical pass, then divide by the area of an output pixel.
  const area = (src.width / width) * (src.height / height);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = ys.first[y]!; k < ys.first[y + 1]!; k++) sum += rows[ys.index[k]! * width + x]! * ys.weight[k]!;
      out[y * width + x] = Math.min(255, Math.floor(sum / area + 0.5));
    }
  }
  return { width, height, data: out };
}

/** For each output index i, the source indexes its span [i*s, (i+1)*s) overlaps and by how much (CSR layout). */
function coverage(from: number, to: number): { first: Int32Array; index: Int32Array; weight: Float64Array } {
  const scale = from / to;
  const first = new Int32Array(to + 1);
  const index: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < to; i++) {
    first[i] = index.length;
    const a = i * scale;
    const b = Math.min(from, (i + 1) * scale);
    for (let j = Math.floor(a); j < Math.ceil(b - 1e-9); j++) {
      const w = Math.min(b, j + 1) - Math.max(a, j);
      if (w > 1e-12) {
        index.push(j);
        weight.push(w);
      }
    }
  }
  first[to] = index.length;
  return { first, index: Int32Array.from(index), weight: Float64Array.from(weight) };
}
