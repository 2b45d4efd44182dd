// Step 2 of the VinDr preprocessing: cv2.convertScaleAbs(raw, alpha=255.0/raw.max()), bit-exact.
import { saturateRound8 } from './saturate-round.js';

export interface ScaledImage {
  /** saturate_cast<uchar>(|x * alpha|) per pixel. */
  image: Uint8Array;
  /** The largest stored value (`raw.max()`), which decides the scale and, later, equalisation. */
  max: number;
}

/** Value ranges up to this wide are mapped through a table built once; wider ones pixel by pixel. */
const MAX_TABLE = 1 << 17;

/**
 * `cv2.convertScaleAbs(raw, alpha=255.0 / raw.max())` over the first `length` values of `data`
 * (stored values). As OpenCV does for integer input: alpha is the double 255/max rounded
 * to float32, each value is converted to float32, multiplied by alpha in float32, made absolute and
 * rounded to nearest with ties to even, saturated to 0..255 (so negative values come out as their
 * magnitude, e.g. -400 with max 170 gives 255).
 *
 * max 0: alpha is +Infinity, 0 * alpha is NaN and a negative value gives Infinity; OpenCV turns both
 * into 0, so an image whose largest value is 0 comes out all 0 (the released code divides by zero
 * there with a NumPy warning and carries on).
 */
export function scaleByMax(data: ArrayLike<number>, length: number = data.length): ScaledImage {
  if (!Number.isInteger(length) || length < 0 || length > data.length) throw new RangeError(`length ${length} is not within the ${data.length} values given`);
  if (length === 0) throw new RangeError('no pixels: an empty image has no maximum (NumPy raises on it)');
  const image = new Uint8Array(length);
  let min = data[0]!;
  let max = min;
  for (let i = 1; i < length; i++) {
    const v = data[i]!;
    if (v > max) max = v;
    else if (v < min) min = v;
  }
  if (max === 0) return { image, max };
  const alpha = alphaFor(max);
  if (isIntegerArray(data) && max - min < MAX_TABLE) {
    const table = new Uint8Array(max - min + 1);
    for (let v = min; v <= max; v++) table[v - min] = scaleValue(v, alpha);
    for (let i = 0; i < length; i++) image[i] = table[data[i]! - min]!;
  } else {
    for (let i = 0; i < length; i++) image[i] = scaleValue(data[i]!, alpha);
  }
  return { image, max };
}

/** The alpha OpenCV multiplies by: the double 255 / max rounded to float32 (+Infinity for max 0). */
export function alphaFor(max: number): number {
  return Math.fround(255 / max);
}

/** One stored value through convertScaleAbs: saturate_cast<uchar>(|float32(x) * alpha| in float32). */
export function scaleValue(x: number, alpha: number): number {
  return saturateRound8(Math.abs(Math.fround(Math.fround(x) * alpha)));
}

/** Integer typed arrays hold only integers, so a table indexed by value covers every pixel. */
function isIntegerArray(data: ArrayLike<number>): boolean {
  return ArrayBuffer.isView(data) && !(data instanceof Float32Array || data instanceof Float64Array);
}
